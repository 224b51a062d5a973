package org.safeguardfhir.server.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests that {@code java.net.http.HttpClient} will not send: an invalid request
 * line, an unencoded space or bad percent-encoding in the path, a forged or doubled {@code Host}, conflicting framing
 * headers. Reads one answer within the deadline.
 */
final class RawHttp {

    /** An answer as read off the wire; {@code status} is -1 when none arrived (closed, or the deadline passed). */
    record Answer(int status, Map<String, List<String>> headers, byte[] body, boolean timedOut, String error) {

        String header(String name) {
            var values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private RawHttp() {}

    /** A well-formed request with the given request target, headers and body: {@code Connection: close} is added. */
    static byte[] request(String method, String target, int port, List<String> headers, byte[] body) {
        var out = new ByteArrayOutputStream();
        var head = new StringBuilder().append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        boolean host = false;
        for (int i = 0; i < headers.size(); i += 2) {
            host |= headers.get(i).equalsIgnoreCase("Host");
            head.append(headers.get(i)).append(": ").append(headers.get(i + 1)).append("\r\n");
        }
        if (!host) {
            head.append("Host: localhost:").append(port).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        // Header text as bytes: UTF-8, so that a case can put raw non-ASCII bytes into a path.
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    static Answer send(int port, byte[] request, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), (int) timeoutMillis);
            socket.setSoTimeout((int) timeoutMillis);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // The server may answer and close before it has read everything: read what it said.
            }
            return read(socket, deadline);
        } catch (IOException e) {
            return new Answer(-1, Map.of(), new byte[0], false, e.toString());
        }
    }

    private static Answer read(Socket socket, long deadline) throws IOException {
        InputStream in = socket.getInputStream();
        var buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[65536];
        int headerEnd = -1;
        Map<String, List<String>> headers = null;
        int status = -1;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return partial(status, headers, buffer, headerEnd, true, "deadline passed");
            }
            socket.setSoTimeout((int) Math.max(1, left));
            int n;
            try {
                n = in.read(chunk);
            } catch (SocketTimeoutException e) {
                return partial(status, headers, buffer, headerEnd, true, "deadline passed");
            } catch (IOException e) {
                return partial(status, headers, buffer, headerEnd, false, e.toString());
            }
            if (n < 0) {
                return partial(status, headers, buffer, headerEnd, false, null);
            }
            buffer.write(chunk, 0, n);
            byte[] bytes = buffer.toByteArray();
            if (headerEnd < 0) {
                headerEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                if (headerEnd < 0) {
                    continue;
                }
                String head = new String(bytes, 0, headerEnd, StandardCharsets.ISO_8859_1);
                String[] lines = head.split("\r\n");
                status = parseStatus(lines[0]);
                headers = new LinkedHashMap<>();
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    if (colon > 0) {
                        headers.computeIfAbsent(
                                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                                        k -> new ArrayList<>())
                                .add(lines[i].substring(colon + 1).trim());
                    }
                }
            }
            byte[] body = java.util.Arrays.copyOfRange(bytes, headerEnd + 4, bytes.length);
            var length = headers.get("content-length");
            if (length != null && body.length >= Long.parseLong(length.get(0))) {
                return new Answer(status, headers, body, false, null);
            }
            var encoding = headers.get("transfer-encoding");
            if (encoding != null && encoding.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
                byte[] decoded = dechunk(body);
                if (decoded != null) {
                    return new Answer(status, headers, decoded, false, null);
                }
            }
            if (length == null && encoding == null && (status == 304 || status == 204)) {
                return new Answer(status, headers, body, false, null);
            }
        }
    }

    private static Answer partial(
            int status,
            Map<String, List<String>> headers,
            ByteArrayOutputStream buffer,
            int headerEnd,
            boolean timedOut,
            String error) {
        byte[] bytes = buffer.toByteArray();
        if (headerEnd < 0) {
            return new Answer(-1, Map.of(), bytes, timedOut, error == null ? "closed without an answer" : error);
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, headerEnd + 4, bytes.length);
        var encoding = headers.get("transfer-encoding");
        if (encoding != null && encoding.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
            byte[] decoded = dechunk(body);
            body = decoded == null ? body : decoded;
        }
        return new Answer(status, headers, body, timedOut, error);
    }

    private static int parseStatus(String line) {
        String[] parts = line.split(" ", 3);
        try {
            return parts.length >= 2 && parts[0].startsWith("HTTP/") ? Integer.parseInt(parts[1]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The decoded body once the last chunk has arrived, else null. */
    private static byte[] dechunk(byte[] body) {
        var out = new ByteArrayOutputStream();
        int position = 0;
        while (true) {
            int lineEnd = indexOf(body, position, "\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (lineEnd < 0) {
                return null;
            }
            String size = new String(body, position, lineEnd - position, StandardCharsets.ISO_8859_1);
            int semicolon = size.indexOf(';');
            int length;
            try {
                length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                return null;
            }
            position = lineEnd + 2;
            if (length == 0) {
                return out.toByteArray();
            }
            if (position + length + 2 > body.length) {
                return null;
            }
            out.write(body, position, length);
            position += length + 2;
        }
    }

    private static int indexOf(byte[] bytes, byte[] wanted) {
        return indexOf(bytes, 0, wanted);
    }

    private static int indexOf(byte[] bytes, int from, byte[] wanted) {
        outer:
        for (int i = from; i <= bytes.length - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
