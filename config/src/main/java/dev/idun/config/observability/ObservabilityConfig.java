package dev.idun.config.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Casing;
import dev.idun.config.FieldError;
import dev.idun.config.FieldReader;
import dev.idun.config.Json;
import dev.idun.config.JsonWriter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** Where traces are exported: a provider, whether it is on, and the provider's settings (camelCase keys). */
public record ObservabilityConfig(String provider, boolean enabled, ObjectNode config) {
    /** Secret paths (for {@link dev.idun.config.Secrets}); public keys are not secrets. */
    public static final List<String> SECRET_PATHS = List.of("config.secretKey", "config.apiKey", "config.headers.*");

    private static final Set<String> PROVIDERS =
            Set.of("LANGFUSE", "PHOENIX", "GCP_LOGGING", "GCP_TRACE", "LANGSMITH", "OTLP");

    public ObservabilityConfig {
        Objects.requireNonNull(provider, "provider");
        config = config.deepCopy();
    }

    @Override
    public ObjectNode config() {
        return config.deepCopy();
    }

    public static ObservabilityConfig read(JsonNode node, String path, List<FieldError> errors) {
        return read(node, path, Casing.CAMEL, errors);
    }

    /** Reads at {@code path}, naming fields in error paths with {@code pathCasing} (the casing of the source). */
    public static ObservabilityConfig read(JsonNode node, String path, Casing pathCasing, List<FieldError> errors) {
        int before = errors.size();
        FieldReader r = FieldReader.of(node, path, pathCasing, errors);
        String provider = r.optionalString("provider", "LANGFUSE");
        if (provider != null && !PROVIDERS.contains(provider.toUpperCase(Locale.ROOT))) {
            r.error(
                    "provider",
                    "Input should be one of " + PROVIDERS.stream().sorted().toList(),
                    "enum");
        }
        boolean enabled = r.optionalBoolean("enabled", true);
        ObjectNode config = r.optionalObject("config");
        if (config == null && r.get("config") == null) {
            errors.add(FieldError.missing(r.path("config")));
        }
        if (errors.size() != before) {
            return null;
        }
        String name = provider.toUpperCase(Locale.ROOT);
        return new ObservabilityConfig(name, enabled, recase(name, config, Casing.CAMEL));
    }

    public ObjectNode toJson(Casing casing) {
        return new JsonWriter(casing)
                .put("provider", provider)
                .put("enabled", enabled)
                .put("config", recase(provider, config, casing))
                .build();
    }

    private static ObjectNode recase(String provider, ObjectNode node, Casing casing) {
        boolean gcp = provider.startsWith("GCP_");
        ObjectNode out = Json.object();
        node.fields().forEachRemaining(e -> {
            String camel = toCamel(e.getKey());
            // The GCP configs call the field project_id in snake_case but gcpProjectId on the wire.
            String key = gcp && (camel.equals("projectId") || camel.equals("gcpProjectId"))
                    ? (casing == Casing.CAMEL ? "gcpProjectId" : "project_id")
                    : casing.key(camel);
            out.set(key, e.getValue().deepCopy());
        });
        return out;
    }

    private static String toCamel(String key) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : key.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
