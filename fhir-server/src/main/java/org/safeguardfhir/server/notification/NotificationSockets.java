package org.safeguardfhir.server.notification;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.safeguardfhir.server.security.Caller;
import org.safeguardfhir.server.security.CallerAuthentication;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The websocket channel, at {@value #PATH}. A client connects with its Bearer token, sends {@code bind <id>} for a
 * websocket Subscription of its own and gets {@code bound <id>}; each notification then arrives as the same id-only
 * Bundle a rest-hook receives. A Subscription that is not the caller's, or does not exist, gets the same answer, so
 * binding reveals nothing. Bindings live in this instance: a client reconnects and binds again after a restart, and
 * notifications wait in the outbox meanwhile.
 */
class NotificationSockets extends TextWebSocketHandler {

    static final String PATH = "/websocket";
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int BUFFER_LIMIT_BYTES = 1 << 20;

    private final SubscriptionChannels channels;
    private final Map<String, Set<WebSocketSession>> bound = new ConcurrentHashMap<>();
    private volatile Runnable onBind = () -> {};

    NotificationSockets(SubscriptionChannels channels) {
        this.channels = channels;
    }

    /** What to do once a client binds: deliver what waited for it. */
    void onBind(Runnable action) {
        this.onBind = action;
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        String text = message.getPayload().strip();
        if (!text.startsWith("bind ")) {
            session.sendMessage(new TextMessage("error Send: bind <Subscription id>"));
            return;
        }
        String id = text.substring("bind ".length()).strip().replaceFirst("^Subscription/", "");
        var caller = caller(session);
        var channel = channels.find(id)
                .filter(c -> caller.isPresent() && c.owner().equals(caller.get().subject()))
                .filter(c -> "websocket".equals(c.type()));
        if (channel.isEmpty()) {
            session.sendMessage(
                    new TextMessage("error Subscription/" + id + " is not a websocket Subscription of yours"));
            return;
        }
        bound.computeIfAbsent(id, key -> ConcurrentHashMap.newKeySet())
                .add(new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES));
        session.sendMessage(new TextMessage("bound " + id));
        onBind.run();
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        bound.values().forEach(sessions -> sessions.removeIf(s -> s.getId().equals(session.getId())));
    }

    boolean hasBound(String subscriptionId) {
        var sessions = bound.get(subscriptionId);
        return sessions != null && sessions.stream().anyMatch(WebSocketSession::isOpen);
    }

    /** Sends to every open session bound to the Subscription; true if at least one took it. */
    boolean send(String subscriptionId, String text) {
        boolean sent = false;
        for (var session : bound.getOrDefault(subscriptionId, Set.of())) {
            try {
                if (session.isOpen()) {
                    session.sendMessage(new TextMessage(text));
                    sent = true;
                }
            } catch (IOException | RuntimeException e) {
                // A broken session is dropped when it closes; the others still receive.
            }
        }
        return sent;
    }

    private static Optional<Caller> caller(WebSocketSession session) {
        return session.getPrincipal() instanceof CallerAuthentication authentication
                ? Optional.of(authentication.caller())
                : Optional.empty();
    }
}
