package org.safeguardfhir.server.abandoned;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.safeguardfhir.server.errors.SafeErrorAnswers;

/**
 * Watches each read while it runs. Only reads: cancelling a read loses nothing, while a write whose client has gone
 * still finishes, atomically, and a client that retries it with the same identifier finds it done.
 */
final class RequestWatchFilter extends HttpFilter {

    private final WatchedRequests requests;

    RequestWatchFilter(WatchedRequests requests) {
        this.requests = requests;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!isRead(request)) {
            chain.doFilter(request, response);
            return;
        }
        var watched = requests.start(request.getLocalPort(), request.getRemotePort());
        request.setAttribute(SafeErrorAnswers.CLIENT_GONE, (BooleanSupplier) watched::abandoned);
        try {
            chain.doFilter(request, response);
        } finally {
            requests.finish();
        }
    }

    private static boolean isRead(HttpServletRequest request) {
        String method = request.getMethod();
        return method.equals("GET")
                || method.equals("HEAD")
                || (method.equals("POST") && request.getRequestURI().endsWith("/_search"));
    }
}
