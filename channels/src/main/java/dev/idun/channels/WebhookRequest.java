package dev.idun.channels;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An inbound webhook request as a provider sees it: the full request URL, headers (names case-insensitive, first
 * value), query parameters (first value) and the raw body bytes exactly as received (signatures cover them).
 */
public record WebhookRequest(String url, Map<String, String> headers, Map<String, String> query, byte[] body) {
    public WebhookRequest {
        Objects.requireNonNull(url, "url");
        TreeMap<String, String> names = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        names.putAll(headers);
        headers = java.util.Collections.unmodifiableMap(names);
        query = Map.copyOf(query);
        body = body == null ? new byte[0] : body.clone();
    }

    /** The header's value, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The query parameter's value, or null. */
    public String queryParam(String name) {
        return query.get(name);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
