package org.safeguardfhir.server.fhir;

import ca.uhn.fhir.rest.server.ApacheProxyAddressStrategy;
import ca.uhn.fhir.rest.server.IServerAddressStrategy;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * The base URL in Bundle links and {@code Location}: the configured address, else the address the server listens on.
 * A client's {@code Host} header never decides it, since it would let anyone plant links to a server of their own in
 * the answers other clients read; {@code X-Forwarded-*} are honoured only from the configured reverse proxies.
 */
final class ServerAddress implements IServerAddressStrategy {

    private final Set<String> trustedProxies;
    private final ApacheProxyAddressStrategy forwarded = new ApacheProxyAddressStrategy(false);

    ServerAddress(Set<String> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    @Override
    public String determineServerBase(ServletContext servletContext, HttpServletRequest request) {
        if (trustedProxies.contains(request.getRemoteAddr())) {
            return forwarded.determineServerBase(servletContext, request);
        }
        String host = request.getLocalAddr();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return request.getScheme() + "://" + host + ":" + request.getLocalPort() + request.getContextPath()
                + request.getServletPath();
    }
}
