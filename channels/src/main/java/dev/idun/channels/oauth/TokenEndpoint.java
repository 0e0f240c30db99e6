package dev.idun.channels.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.config.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** An OAuth 2.0 token endpoint: posts a form grant and reads {@code access_token} and {@code expires_in}. */
public final class TokenEndpoint {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final long DEFAULT_LIFETIME_SECONDS = 3600;

    private final URI url;
    private final HttpClient http;
    private final Clock clock;

    public TokenEndpoint(URI url, HttpClient http, Clock clock) {
        this.url = Objects.requireNonNull(url, "url");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public URI url() {
        return url;
    }

    /** Requests a token with the form parameters {@code grant} (kept in order). */
    public AccessToken request(Map<String, String> grant) throws TokenRequestException {
        String form = grant.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(url)
                            .timeout(TIMEOUT)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TokenRequestException("token endpoint " + url + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenRequestException("interrupted while requesting a token", e);
        }
        if (response.statusCode() != 200) {
            throw new TokenRequestException(
                    "token endpoint " + url + " answered " + response.statusCode() + errorOf(response.body()),
                    response.statusCode());
        }
        JsonNode body;
        try {
            body = Json.parse(response.body());
        } catch (RuntimeException e) {
            throw new TokenRequestException("token endpoint " + url + " answered malformed JSON", 200);
        }
        String token = body.path("access_token").asText("");
        if (token.isEmpty()) {
            throw new TokenRequestException("token endpoint " + url + " answered without access_token", 200);
        }
        long lifetime = body.path("expires_in").asLong(DEFAULT_LIFETIME_SECONDS);
        return new AccessToken(token, clock.instant().plusSeconds(lifetime));
    }

    /** The standard OAuth {@code error} code of an error answer (never its description, which may echo input). */
    private static String errorOf(String body) {
        try {
            String error = Json.parse(body).path("error").asText("");
            return error.isEmpty() ? "" : " (" + error + ")";
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
