package dev.idun.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masking of secrets in what the admin API shows, and keeping the stored secret when a client sends a masked value
 * back. A secret is shown as {@code "••••"} followed by its last four characters (nothing of secrets shorter than
 * eight characters). Paths name fields by their camelCase names, {@code *} stands for every field of an object,
 * and a path ending in {@code @url} masks only the password inside a URL.
 */
public final class Secrets {
    public static final String MASK = "••••";
    private static final Pattern URL_PASSWORD = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://[^:/@]*:)([^@]*)(@.*)$");

    private Secrets() {}

    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return secret;
        }
        return secret.length() < 8 ? MASK : MASK + secret.substring(secret.length() - 4);
    }

    /** A URL with its password (if any) masked: {@code postgresql://app:••••2024@db/app}. */
    public static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = URL_PASSWORD.matcher(url);
        return m.matches() && !m.group(2).isEmpty() ? m.group(1) + mask(m.group(2)) + m.group(3) : url;
    }

    public static boolean isMasked(String value) {
        return value != null && value.contains(MASK);
    }

    /** Masks, in place, every secret named by {@code paths} in {@code node} (camelCase or snake_case keys). */
    public static void maskPaths(JsonNode node, List<String> paths) {
        for (String path : paths) {
            boolean url = path.endsWith("@url");
            String[] segments = (url ? path.substring(0, path.length() - 4) : path).split("\\.");
            walk(node, segments, 0, (parent, key, value) -> {
                if (value.isTextual()) {
                    parent.set(key, TextNode.valueOf(url ? maskUrl(value.asText()) : mask(value.asText())));
                }
            });
        }
    }

    /**
     * Replaces, in place, each masked value of {@code incoming} at {@code paths} with the stored secret it masks.
     * A masked value that does not match the stored secret is reported at {@code basePath}.
     */
    public static void restorePaths(
            JsonNode incoming, JsonNode stored, List<String> paths, String basePath, List<FieldError> errors) {
        for (String path : paths) {
            boolean url = path.endsWith("@url");
            String[] segments = (url ? path.substring(0, path.length() - 4) : path).split("\\.");
            List<String> trail = new ArrayList<>();
            restore(incoming, stored, segments, 0, url, basePath, trail, errors);
        }
    }

    private interface Visitor {
        void visit(ObjectNode parent, String key, JsonNode value);
    }

    private static void walk(JsonNode node, String[] segments, int index, Visitor visitor) {
        if (node == null || !node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        for (String key : keys(object, segments[index])) {
            JsonNode value = object.get(key);
            if (index == segments.length - 1) {
                visitor.visit(object, key, value);
            } else {
                walk(value, segments, index + 1, visitor);
            }
        }
    }

    private static void restore(
            JsonNode incoming,
            JsonNode stored,
            String[] segments,
            int index,
            boolean url,
            String basePath,
            List<String> trail,
            List<FieldError> errors) {
        if (incoming == null || !incoming.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) incoming;
        for (String key : keys(object, segments[index])) {
            JsonNode value = object.get(key);
            JsonNode storedValue = stored == null ? null : lookup(stored, key);
            trail.add(key);
            if (index < segments.length - 1) {
                restore(value, storedValue, segments, index + 1, url, basePath, trail, errors);
            } else if (value.isTextual() && isMasked(value.asText())) {
                String storedText = storedValue != null && storedValue.isTextual() ? storedValue.asText() : null;
                String expected = storedText == null ? null : url ? maskUrl(storedText) : mask(storedText);
                if (expected != null && expected.equals(value.asText())) {
                    object.put(key, storedText);
                } else {
                    errors.add(new FieldError(
                            (basePath.isEmpty() ? "" : basePath + ".") + String.join(".", trail),
                            "This is a masked value that does not match the stored secret; send the secret itself.",
                            "masked_secret"));
                }
            }
            trail.remove(trail.size() - 1);
        }
    }

    private static List<String> keys(ObjectNode object, String segment) {
        List<String> keys = new ArrayList<>();
        if (segment.equals("*")) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            fields.forEachRemaining(entry -> keys.add(entry.getKey()));
        } else {
            for (String candidate : List.of(segment, Casing.toSnake(segment))) {
                if (object.has(candidate) && !keys.contains(candidate)) {
                    keys.add(candidate);
                }
            }
        }
        return keys;
    }

    private static JsonNode lookup(JsonNode stored, String key) {
        JsonNode value = stored.get(key);
        return value != null ? value : stored.get(Casing.toSnake(key));
    }
}
