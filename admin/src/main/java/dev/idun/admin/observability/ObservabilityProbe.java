package dev.idun.admin.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.admin.checks.ConnectionCheck;
import dev.idun.admin.checks.TimedCheck;
import dev.idun.config.Json;
import dev.idun.config.Secrets;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * Checks that a stored observability provider can be reached: GCP providers are checked for a project id only (this
 * server cannot export to them and refuses them enabled at reload); Langfuse, Phoenix, LangSmith and OTLP get one real HTTP request
 * to their endpoint, without any key, and any HTTP answer counts as reachable. Thread-safe.
 */
final class ObservabilityProbe {
    static final String LANGFUSE_DEFAULT = "https://cloud.langfuse.com";
    static final String LANGSMITH_DEFAULT = "https://api.smith.langchain.com";
    private static final String GCP_NOTE = "config valid; export needs GCP credentials, which this server does not"
            + " load: an enabled GCP provider is refused at reload (use OTLP through a collector)";

    private final TimedCheck timed;
    private final Duration requestLimit;
    private final HttpClient client;

    ObservabilityProbe(Duration limit) {
        this.timed = new TimedCheck("observability", limit);
        this.requestLimit = limit;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(Math.min(2000, limit.toMillis())))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    ConnectionCheck check(JsonNode observability) {
        return timed.run(() -> probe(observability));
    }

    private ConnectionCheck probe(JsonNode observability) {
        String provider = text(observability, "provider");
        if (provider == null) {
            return ConnectionCheck.fail("observability config missing 'provider' field");
        }
        provider = provider.toUpperCase(Locale.ROOT);
        JsonNode config = observability.path("config");
        if (!observability.path("enabled").asBoolean(true)) {
            return ConnectionCheck.ok(details(provider).put("note", "provider is disabled"));
        }
        return switch (provider) {
            case "GCP_TRACE", "GCP_LOGGING" -> gcp(provider, config);
            case "LANGFUSE" -> http(provider, "host", orDefault(text(config, "host"), LANGFUSE_DEFAULT));
            case "LANGSMITH" -> http(provider, "endpoint", orDefault(text(config, "endpoint"), LANGSMITH_DEFAULT));
            case "PHOENIX" -> required(provider, config, "collectorEndpoint");
            case "OTLP" -> required(provider, config, "endpoint");
            default -> ConnectionCheck.fail("unsupported observability provider: " + provider);
        };
    }

    private ConnectionCheck required(String provider, JsonNode config, String field) {
        String endpoint = text(config, field);
        if (endpoint == null) {
            return ConnectionCheck.fail(provider + " provider missing '" + field + "'");
        }
        return http(provider, "endpoint", endpoint);
    }

    private static ConnectionCheck gcp(String provider, JsonNode config) {
        String project =
                text(config, "gcpProjectId") != null ? text(config, "gcpProjectId") : text(config, "projectId");
        if (project == null) {
            return ConnectionCheck.fail(provider + " requires 'project_id'");
        }
        return ConnectionCheck.ok(details(provider).put("projectId", project).put("note", GCP_NOTE));
    }

    private ConnectionCheck http(String provider, String key, String target) {
        ObjectNode details = details(provider).put(key, Secrets.maskUrl(target));
        URI uri;
        try {
            uri = URI.create(target);
        } catch (IllegalArgumentException e) {
            return ConnectionCheck.fail("invalid URL", details);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return ConnectionCheck.fail("not an http(s) URL", details);
        }
        try {
            int status = send(uri, "HEAD");
            if (status >= 400) {
                status = send(uri, "GET");
            }
            return ConnectionCheck.ok(details.put("status", status));
        } catch (IOException e) {
            String message = e.getMessage() == null ? "" : ": " + e.getMessage().replace(target, uri.getHost());
            return ConnectionCheck.fail("HTTP error: " + e.getClass().getSimpleName() + message, details);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ConnectionCheck.fail("HTTP check interrupted", details);
        }
    }

    private int send(URI uri, String method) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(requestLimit)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static ObjectNode details(String provider) {
        return Json.object().put("provider", provider);
    }

    private static String orDefault(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static String text(JsonNode node, String camelKey) {
        JsonNode value = node.get(camelKey);
        if (value == null) {
            value = node.get(dev.idun.config.Casing.toSnake(camelKey));
        }
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
