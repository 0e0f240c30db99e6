package dev.idun.engine.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.observability.ObservabilityConfig;
import dev.idun.engine.runtime.RuntimeBuildException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an observability config into the OTLP/HTTP target of its provider: Langfuse ({@code {host}/api/public/otel},
 * Basic auth with the public and secret keys), Phoenix ({@code {collectorEndpoint}/v1/traces}, project as a resource
 * attribute), LangSmith ({@code {endpoint}/otel/v1/traces}, {@code x-api-key}) and plain OTLP ({@code endpoint},
 * {@code headers}). String values may name environment variables as {@code ${VAR}} or {@code $VAR}, and missing keys
 * fall back to the providers' usual variables. The GCP providers need Google credentials this server does not load,
 * so they fail with a message saying what to use instead. Pure; thread-safe.
 */
public final class ExportTargets {
    static final String LANGFUSE_HOST = "https://cloud.langfuse.com";
    static final String LANGSMITH_ENDPOINT = "https://api.smith.langchain.com";
    static final String TRACES_PATH = "/v1/traces";
    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private final Map<String, String> env;

    public ExportTargets(Map<String, String> env) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    }

    /** The target of an enabled provider; empty when there is none or it is disabled. */
    public Optional<ExportTarget> of(ObservabilityConfig config, String serviceName) throws RuntimeBuildException {
        if (config == null || !config.enabled()) {
            return Optional.empty();
        }
        ObjectNode settings = config.config();
        Map<String, String> resource = new LinkedHashMap<>();
        resource.put("service.name", serviceName);
        return Optional.of(
                switch (config.provider()) {
                    case "LANGFUSE" -> langfuse(settings, resource);
                    case "PHOENIX" -> phoenix(settings, resource);
                    case "LANGSMITH" -> langsmith(settings, resource);
                    case "OTLP" -> otlp(settings, resource);
                    case "GCP_TRACE" ->
                        throw new RuntimeBuildException("Observability provider GCP_TRACE needs Google Cloud"
                                + " credentials (Application Default Credentials), which this server does not load,"
                                + " so it cannot export to Cloud Trace. Run an OpenTelemetry Collector with its"
                                + " googlecloud exporter and use the OTLP provider pointing at it, or disable"
                                + " observability.");
                    case "GCP_LOGGING" ->
                        throw new RuntimeBuildException("Observability provider GCP_LOGGING sends logs to Google"
                                + " Cloud Logging, which needs Google Cloud credentials this server does not load;"
                                + " it exports traces only. Use the OTLP provider (through an OpenTelemetry"
                                + " Collector for Google Cloud) or disable observability.");
                    default ->
                        throw new RuntimeBuildException(
                                "Unsupported observability provider '" + config.provider() + "'.");
                });
    }

    private ExportTarget langfuse(ObjectNode settings, Map<String, String> resource) throws RuntimeBuildException {
        String host = text(settings, "host", "LANGFUSE_HOST", LANGFUSE_HOST);
        String publicKey = text(settings, "publicKey", "LANGFUSE_PUBLIC_KEY", null);
        String secretKey = text(settings, "secretKey", "LANGFUSE_SECRET_KEY", null);
        if (publicKey == null || secretKey == null) {
            throw new RuntimeBuildException("Observability provider LANGFUSE needs observability.config.publicKey and"
                    + " observability.config.secretKey (or LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY).");
        }
        String credentials =
                Base64.getEncoder().encodeToString((publicKey + ":" + secretKey).getBytes(StandardCharsets.UTF_8));
        return new ExportTarget(
                "LANGFUSE",
                url("LANGFUSE", "host", host, "/api/public/otel" + TRACES_PATH),
                Map.of("Authorization", "Basic " + credentials),
                resource);
    }

    private ExportTarget phoenix(ObjectNode settings, Map<String, String> resource) throws RuntimeBuildException {
        String endpoint = text(settings, "collectorEndpoint", "PHOENIX_COLLECTOR_ENDPOINT", null);
        if (endpoint == null) {
            throw new RuntimeBuildException(
                    "Observability provider PHOENIX needs observability.config.collectorEndpoint.");
        }
        String project = text(settings, "projectName", "PHOENIX_PROJECT_NAME", "default");
        resource.put("openinference.project.name", project);
        Map<String, String> headers = new LinkedHashMap<>();
        String apiKey = text(settings, "apiKey", "PHOENIX_API_KEY", null);
        if (apiKey != null) {
            headers.put("api_key", apiKey);
            headers.put("Authorization", "Bearer " + apiKey);
        }
        return new ExportTarget(
                "PHOENIX", url("PHOENIX", "collectorEndpoint", endpoint, TRACES_PATH), headers, resource);
    }

    private ExportTarget langsmith(ObjectNode settings, Map<String, String> resource) throws RuntimeBuildException {
        String endpoint = text(settings, "endpoint", "LANGSMITH_ENDPOINT", LANGSMITH_ENDPOINT);
        String apiKey = text(settings, "apiKey", "LANGSMITH_API_KEY", null);
        if (apiKey == null) {
            throw new RuntimeBuildException(
                    "Observability provider LANGSMITH needs observability.config.apiKey (or LANGSMITH_API_KEY).");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-api-key", apiKey);
        String project = text(settings, "projectName", "LANGSMITH_PROJECT", null);
        if (project != null) {
            headers.put("Langsmith-Project", project);
        }
        return new ExportTarget(
                "LANGSMITH", url("LANGSMITH", "endpoint", endpoint, "/otel" + TRACES_PATH), headers, resource);
    }

    private ExportTarget otlp(ObjectNode settings, Map<String, String> resource) throws RuntimeBuildException {
        String endpoint = text(settings, "endpoint", null, null);
        if (endpoint == null) {
            throw new RuntimeBuildException("Observability provider OTLP needs observability.config.endpoint.");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode given = settings.path("headers");
        if (!given.isMissingNode() && !given.isNull() && !given.isObject()) {
            throw new RuntimeBuildException(
                    "observability.config.headers must be an object of header names to values.");
        }
        for (var it = given.fields(); it.hasNext(); ) {
            var header = it.next();
            if (!header.getValue().isValueNode() || header.getValue().isNull()) {
                throw new RuntimeBuildException(
                        "observability.config.headers." + header.getKey() + " must be a string.");
            }
            headers.put(header.getKey(), resolve(header.getValue().asText()));
        }
        return new ExportTarget("OTLP", url("OTLP", "endpoint", endpoint, TRACES_PATH), headers, resource);
    }

    /** {@code base} with {@code path} appended unless it already ends with it; must be an http(s) URL. */
    private static String url(String provider, String field, String base, String path) throws RuntimeBuildException {
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String full = trimmed.endsWith(path) ? trimmed : trimmed + path;
        try {
            URI uri = URI.create(full);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return full;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new RuntimeBuildException(
                "Observability provider " + provider + ": observability.config." + field + " is not an http(s) URL.");
    }

    /** A setting (camelCase or snake_case key), else the environment variable, else the fallback; blank is unset. */
    private String text(ObjectNode settings, String key, String envName, String fallback) {
        JsonNode value = settings.get(key);
        if (value == null) {
            value = settings.get(dev.idun.config.Casing.toSnake(key));
        }
        if (value != null
                && value.isValueNode()
                && !value.isNull()
                && !value.asText().isBlank()) {
            String resolved = resolve(value.asText().trim());
            if (!resolved.isBlank()) {
                return resolved;
            }
        }
        if (envName != null && env.get(envName) != null && !env.get(envName).isBlank()) {
            return env.get(envName).trim();
        }
        return fallback;
    }

    /** Replaces {@code ${VAR}} and {@code $VAR} with the variable's value (empty when unset). */
    private String resolve(String value) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            matcher.appendReplacement(out, Matcher.quoteReplacement(env.getOrDefault(name, "")));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
