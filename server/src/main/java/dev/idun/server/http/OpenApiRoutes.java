package dev.idun.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.config.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code GET /openapi.json}: the API description (kept in {@code openapi.yaml} beside this class and checked
 * against the router by a test), and {@code GET /docs}: a plain HTML reference rendered from it.
 */
public final class OpenApiRoutes {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private final String json;
    private final String html;

    public OpenApiRoutes() {
        JsonNode document = load();
        this.json = Json.write(document);
        this.html = render(document);
    }

    /** The document as a JSON tree (for tests and tools). */
    public static JsonNode load() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream("openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the classpath");
            }
            Object tree = new Yaml(new LoaderOptions()).load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return Json.mapper().valueToTree(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void register(RoutesConfig routes) {
        routes.get("/openapi.json", this::openApi);
        routes.get("/docs", this::docs);
    }

    private void openApi(Context ctx) {
        ctx.status(200).contentType("application/json").result(json);
    }

    private void docs(Context ctx) {
        ctx.status(200).contentType("text/html; charset=utf-8").result(html);
    }

    private static String render(JsonNode document) {
        StringBuilder page = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>")
                .append(escape(document.at("/info/title").asText()))
                .append(" API</title><style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;")
                .append("padding:0 1rem}code{background:#f3f1ea;padding:.1rem .3rem;border-radius:3px}")
                .append("table{border-collapse:collapse;width:100%}td{border-top:1px solid #e7e4d7;padding:.4rem;")
                .append("vertical-align:top}.m{font-weight:600;width:5rem}</style></head><body><h1>")
                .append(escape(document.at("/info/title").asText()))
                .append(" API</h1><p>")
                .append(escape(document.at("/info/description").asText()))
                .append("</p><p>Machine-readable: <a href=\"/openapi.json\">/openapi.json</a>.</p><table>");
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        paths.forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (METHODS.contains(operation.getKey())) {
                page.append("<tr><td class=\"m\">")
                        .append(operation.getKey().toUpperCase(java.util.Locale.ROOT))
                        .append("</td><td><code>")
                        .append(escape(path.getKey()))
                        .append("</code><br>")
                        .append(escape(operation.getValue().path("summary").asText()))
                        .append("</td></tr>");
            }
        }));
        return page.append("</table></body></html>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    /** The operations of a document as {@code "METHOD path"}, sorted. */
    public static Set<String> operations(JsonNode document) {
        java.util.Set<String> operations = new java.util.TreeSet<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(m -> {
                    if (METHODS.contains(m)) {
                        operations.add(m.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                    }
                }));
        return operations;
    }
}
