package org.safeguardfhir.server.notification;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.safeguardfhir.server.security.Caller;
import org.safeguardfhir.server.security.Role;
import org.safeguardfhir.server.security.SmartScope;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The subscription and notification tables. Every method joins the caller's Spring transaction on the same
 * {@link DataSource}, so a Task's notifications commit or roll back with the Task.
 */
class SubscriptionChannels {

    private static final int MAX_ERROR_LENGTH = 500;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A Subscription as the server delivers it. */
    record Channel(
            String id,
            String owner,
            Set<Role> roles,
            boolean readsTasks,
            String criteria,
            String type,
            String endpoint,
            List<String> headers,
            String serverBase,
            boolean active) {

        /**
         * The owner as its notifications are judged: its roles when it last wrote the Subscription, and Task reads if
         * its token allowed them. Never a patient-facing app or a proxy: those cannot write Subscriptions.
         */
        Caller subscriber() {
            List<SmartScope> scopes = readsTasks
                    ? List.of(new SmartScope(
                            SmartScope.Context.USER,
                            SubscriptionCriteria.RESOURCE_TYPE,
                            Set.of(SmartScope.Interaction.READ, SmartScope.Interaction.SEARCH)))
                    : List.of();
            return new Caller(owner, roles, scopes, Optional.empty(), Optional.empty());
        }
    }

    /** A notification waiting for delivery. */
    record Notification(long id, long eventNumber, String focus, String interaction, java.time.Instant occurredAt) {}

    private final JdbcClient jdbc;

    SubscriptionChannels(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * Records a Subscription's channel as it is stored. A new one gets a signing secret, returned; an existing one keeps
     * its secret and event count, and its failures are forgotten, so setting it active again resumes delivery.
     */
    Optional<String> save(Channel channel) {
        String secret = newSecret();
        var inserted = jdbc.sql("INSERT INTO safeguard.subscription_channel (subscription_id, owner, roles,"
                        + " reads_tasks, criteria, channel_type, endpoint, headers, server_base, secret, active)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (subscription_id) DO UPDATE SET owner = excluded.owner, roles = excluded.roles,"
                        + " reads_tasks = excluded.reads_tasks, criteria = excluded.criteria,"
                        + " channel_type = excluded.channel_type, endpoint = excluded.endpoint,"
                        + " headers = excluded.headers, server_base = excluded.server_base, active = excluded.active,"
                        + " failures = 0, next_attempt_at = clock_timestamp(), last_error = NULL"
                        + " RETURNING (CASE WHEN xmax = 0 THEN secret END)")
                .params(
                        channel.id(),
                        channel.owner(),
                        channel.roles().stream().map(Role::claimValue).sorted().collect(Collectors.joining(",")),
                        channel.readsTasks(),
                        channel.criteria(),
                        channel.type(),
                        channel.endpoint(),
                        String.join("\n", channel.headers()),
                        channel.serverBase(),
                        secret,
                        channel.active())
                .query((rs, row) -> Optional.ofNullable(rs.getString(1)))
                .single();
        return inserted;
    }

    void delete(String subscriptionId) {
        jdbc.sql("DELETE FROM safeguard.subscription_channel WHERE subscription_id = ?")
                .param(subscriptionId)
                .update();
    }

    List<Channel> active() {
        return jdbc.sql("SELECT * FROM safeguard.subscription_channel WHERE active")
                .query((rs, row) -> channel(rs))
                .list();
    }

    Optional<Channel> find(String subscriptionId) {
        return jdbc.sql("SELECT * FROM safeguard.subscription_channel WHERE subscription_id = ?")
                .param(subscriptionId)
                .query((rs, row) -> channel(rs))
                .optional();
    }

    /** Adds a notification with the subscription's next event number. */
    void enqueue(String subscriptionId, String focus, String interaction) {
        jdbc.sql("WITH n AS (UPDATE safeguard.subscription_channel SET events = events + 1"
                        + " WHERE subscription_id = ? RETURNING subscription_id, events)"
                        + " INSERT INTO safeguard.notification_outbox (subscription_id, event_number, focus, interaction)"
                        + " SELECT subscription_id, events, ?, ? FROM n")
                .params(subscriptionId, focus, interaction)
                .update();
    }

    /** Active subscriptions with notifications due, oldest first. */
    List<String> due() {
        return jdbc.sql("SELECT s.subscription_id FROM safeguard.subscription_channel s WHERE s.active"
                        + " AND s.next_attempt_at <= clock_timestamp() AND EXISTS (SELECT 1 FROM"
                        + " safeguard.notification_outbox o WHERE o.subscription_id = s.subscription_id)"
                        + " ORDER BY s.next_attempt_at")
                .query(String.class)
                .list();
    }

    /**
     * Takes a subscription's deliveries for the rest of the caller's transaction; false if another worker has them. An
     * advisory lock rather than a row lock, so that Tasks keep committing while a slow receiver is being waited for.
     */
    boolean claim(String subscriptionId) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(4242, hashtext(?))")
                .param(subscriptionId)
                .query(Boolean.class)
                .single());
    }

    List<Notification> pending(String subscriptionId, int limit) {
        return jdbc.sql("SELECT id, event_number, focus, interaction, occurred_at FROM safeguard.notification_outbox"
                        + " WHERE subscription_id = ? ORDER BY id LIMIT ?")
                .params(subscriptionId, limit)
                .query((rs, row) -> new Notification(
                        rs.getLong("id"),
                        rs.getLong("event_number"),
                        rs.getString("focus"),
                        rs.getString("interaction"),
                        rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }

    long events(String subscriptionId) {
        return jdbc.sql("SELECT events FROM safeguard.subscription_channel WHERE subscription_id = ?")
                .param(subscriptionId)
                .query(Long.class)
                .single();
    }

    void delivered(String subscriptionId, long upToId) {
        jdbc.sql("DELETE FROM safeguard.notification_outbox WHERE subscription_id = ? AND id <= ?")
                .params(subscriptionId, upToId)
                .update();
        jdbc.sql("UPDATE safeguard.subscription_channel SET failures = 0, last_error = NULL WHERE subscription_id = ?")
                .param(subscriptionId)
                .update();
    }

    /** Counts a failed delivery and defers the next attempt; returns the consecutive failures so far. */
    int failed(String subscriptionId, String error, NotificationProperties properties) {
        int failures = jdbc.sql("UPDATE safeguard.subscription_channel SET failures = failures + 1, last_error = ?"
                        + " WHERE subscription_id = ? RETURNING failures")
                .params(truncate(error), subscriptionId)
                .query(Integer.class)
                .optional()
                .orElse(0);
        Duration delay = properties.backoff(failures);
        jdbc.sql(
                        "UPDATE safeguard.subscription_channel"
                                + " SET next_attempt_at = clock_timestamp() + make_interval(secs => ?) WHERE subscription_id = ?")
                .params(delay.toMillis() / 1000.0, subscriptionId)
                .update();
        return failures;
    }

    void deactivate(String subscriptionId) {
        jdbc.sql("UPDATE safeguard.subscription_channel SET active = false WHERE subscription_id = ?")
                .param(subscriptionId)
                .update();
    }

    Optional<String> secret(String subscriptionId) {
        return jdbc.sql("SELECT secret FROM safeguard.subscription_channel WHERE subscription_id = ?")
                .param(subscriptionId)
                .query(String.class)
                .optional();
    }

    /** A new secret for the subscription; the old one stops signing at once. */
    Optional<String> rotateSecret(String subscriptionId) {
        String secret = newSecret();
        int updated = jdbc.sql("UPDATE safeguard.subscription_channel SET secret = ? WHERE subscription_id = ?")
                .params(secret, subscriptionId)
                .update();
        return updated == 1 ? Optional.of(secret) : Optional.empty();
    }

    long pendingCount() {
        return jdbc.sql("SELECT count(*) FROM safeguard.notification_outbox")
                .query(Long.class)
                .single();
    }

    private static Channel channel(java.sql.ResultSet rs) throws java.sql.SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(rs.getString("roles").split(","))
                .map(Role::fromClaimValue)
                .flatMap(Optional::stream)
                .forEach(roles::add);
        String headers = rs.getString("headers");
        return new Channel(
                rs.getString("subscription_id"),
                rs.getString("owner"),
                roles,
                rs.getBoolean("reads_tasks"),
                rs.getString("criteria"),
                rs.getString("channel_type"),
                rs.getString("endpoint"),
                headers.isEmpty() ? List.of() : List.of(headers.split("\n")),
                rs.getString("server_base"),
                rs.getBoolean("active"));
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String truncate(String error) {
        return error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
    }
}
