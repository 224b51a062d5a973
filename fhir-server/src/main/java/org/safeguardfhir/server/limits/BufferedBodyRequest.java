package org.safeguardfhir.server.limits;

import ca.uhn.fhir.util.UrlUtil;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The request with its body already read, and without an If-Modified-Since that is to be ignored. The container can no
 * longer read a form body it has not seen, so a form's parameters (a search by POST) are parsed here from the bytes,
 * after the query string's, as the Servlet specification orders them.
 */
final class BufferedBodyRequest extends HttpServletRequestWrapper {

    static final String FORM = "application/x-www-form-urlencoded";
    private static final String IF_MODIFIED_SINCE = "If-Modified-Since";

    private final byte[] body;
    private final boolean hideIfModifiedSince;

    BufferedBodyRequest(HttpServletRequest request, byte[] body, boolean hideIfModifiedSince) {
        super(request);
        this.body = body;
        this.hideIfModifiedSince = hideIfModifiedSince;
    }

    private Map<String, String[]> parameters;

    @Override
    public Map<String, String[]> getParameterMap() {
        if (parameters == null) {
            Map<String, String[]> merged = new LinkedHashMap<>();
            if (getQueryString() != null) {
                merged.putAll(UrlUtil.parseQueryString(getQueryString()));
            }
            String contentType = getContentType();
            if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
                UrlUtil.parseQueryString(new String(body, StandardCharsets.UTF_8))
                        .forEach((name, values) -> merged.merge(name, values, BufferedBodyRequest::concat));
            }
            parameters = Collections.unmodifiableMap(merged);
        }
        return parameters;
    }

    @Override
    public String getParameter(String name) {
        String[] values = getParameterMap().get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
        return getParameterMap().get(name);
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
    }

    private static String[] concat(String[] first, String[] second) {
        String[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private boolean hidden(String name) {
        return hideIfModifiedSince && IF_MODIFIED_SINCE.equalsIgnoreCase(name);
    }

    @Override
    public String getHeader(String name) {
        return hidden(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                .filter(name -> !hidden(name))
                .toList());
    }

    @Override
    public long getDateHeader(String name) {
        return hidden(name) ? -1 : super.getDateHeader(name);
    }

    byte[] body() {
        return body;
    }

    @Override
    public ServletInputStream getInputStream() {
        var in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("the body is already read");
            }

            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return in.read(buffer, offset, length);
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        // FHIR bodies are UTF-8 whatever the Content-Type claims, and the text was checked as such.
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }
}
