package dev.idun.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.config.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A test client that behaves like the admin UI in a browser: it keeps the {@code idun_session} cookie it is given
 * and sends it back, and marks its writes as same-origin with an {@code Origin} header (unless told not to).
 */
final class AuthHttp {
    static final String COOKIE = "idun_session";

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String session;
    private boolean sameOrigin = true;

    AuthHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    String origin() {
        return base;
    }

    /** The cookie value held, or null. */
    String session() {
        return session;
    }

    void session(String value) {
        this.session = value;
    }

    /** Stops adding the same-origin {@code Origin} header to writes, as a cross-site form would. */
    AuthHttp crossSite() {
        this.sameOrigin = false;
        return this;
    }

    record Response(int status, String body, HttpHeaders headers) {
        JsonNode json() {
            return Json.parse(body);
        }

        boolean isGateRefusal() {
            return status == 401 && body.equals("{\"detail\":\"Authentication required.\"}");
        }

        /** The {@code Set-Cookie} header for the session cookie, parsed. */
        Optional<SetCookie> sessionCookie() {
            return headers.allValues("Set-Cookie").stream()
                    .map(SetCookie::parse)
                    .filter(cookie -> cookie.name().equals(COOKIE))
                    .findFirst();
        }
    }

    /** A parsed {@code Set-Cookie} header: name, value and attributes (lower-case keys; flags map to ""). */
    record SetCookie(String name, String value, Map<String, String> attributes) {
        static SetCookie parse(String header) {
            String[] parts = header.split(";");
            String[] pair = parts[0].split("=", 2);
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String[] attribute = parts[i].trim().split("=", 2);
                attributes.put(attribute[0].toLowerCase(Locale.ROOT), attribute.length > 1 ? attribute[1] : "");
            }
            return new SetCookie(pair[0].trim(), pair.length > 1 ? pair[1].trim() : "", attributes);
        }

        boolean has(String attribute) {
            return attributes.containsKey(attribute.toLowerCase(Locale.ROOT));
        }

        String get(String attribute) {
            return attributes.get(attribute.toLowerCase(Locale.ROOT));
        }
    }

    Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    Response post(String path, String json, String... headers) {
        return send("POST", path, json, headers);
    }

    Response login(String password) {
        return post(
                "/admin/api/v1/auth/login", "{\"password\": " + Json.mapper().valueToTree(password) + "}");
    }

    /** Any method; {@code headers} are name/value pairs added to the request. */
    Response send(String method, String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (session != null) {
            request.header("Cookie", COOKIE + "=" + session);
        }
        if (sameOrigin && !method.equals("GET")) {
            request.header("Origin", base);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Response result = new Response(response.statusCode(), response.body(), response.headers());
            result.sessionCookie()
                    .ifPresent(cookie -> session = "0".equals(cookie.get("Max-Age")) ? null : cookie.value());
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
