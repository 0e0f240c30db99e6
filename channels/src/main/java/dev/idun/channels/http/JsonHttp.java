package dev.idun.channels.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends one JSON request to a provider API and returns the answer body of a 2xx; anything else becomes a
 * {@link ProviderHttpException} carrying the status and {@code Retry-After}. Thread-safe.
 */
public final class JsonHttp {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_DETAIL = 300;

    private final HttpClient http;

    public JsonHttp(HttpClient http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /** {@code method} {@code url} with {@code authorization} (may be null) and a JSON body (null for none). */
    public String send(String method, URI url, String authorization, String jsonBody) throws ProviderHttpException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderHttpException(method + " " + path(url) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderHttpException(method + " " + path(url) + " interrupted", e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return response.body();
        }
        String body = response.body() == null ? "" : response.body();
        String detail = body.length() > MAX_DETAIL ? body.substring(0, MAX_DETAIL) + "..." : body;
        throw new ProviderHttpException(
                method + " " + path(url) + " answered " + status + (detail.isBlank() ? "" : ": " + detail),
                status,
                retryAfter(response.headers().firstValue("Retry-After")).orElse(null));
    }

    /** The host and path only: provider URLs can carry secrets (interaction tokens, bot tokens) in the path. */
    private static String path(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return url.getHost() + path.replaceAll("/[A-Za-z0-9_.\\-]{40,}", "/***");
    }

    static Optional<Duration> retryAfter(Optional<String> header) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        try {
            double seconds = Double.parseDouble(header.get().trim());
            return seconds >= 0 ? Optional.of(Duration.ofMillis((long) (seconds * 1000))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
