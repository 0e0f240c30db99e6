package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.admin.db.TestDatabases;
import dev.idun.server.http.OpenApiRoutes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API description is served and matches the router exactly: no route undocumented, none documented twice. */
class OpenApiTest {
    @TempDir
    Path dir;

    @Test
    void documents_every_route_of_the_router_and_nothing_else() {
        try (TestServer server =
                TestServer.start(TestServer.urlOf(TestDatabases.freshSqlite(dir)), dir.resolve("absent.yaml"))) {
            JsonNode served = server.http.get("/openapi.json").json();

            java.util.Set<String> routes = new java.util.TreeSet<>();
            server.server.httpRoutes().forEach(endpoint -> routes.add(endpoint.method.name() + " " + endpoint.path));
            routes.removeIf(route -> route.startsWith("HEAD ") || route.startsWith("OPTIONS "));
            assertThat(OpenApiRoutes.operations(served)).isEqualTo(routes);
            assertThat(served.get("openapi").asText()).startsWith("3.");
        }
    }

    @Test
    void every_reference_in_the_document_resolves() {
        JsonNode document = OpenApiRoutes.load();
        java.util.List<String> refs = new java.util.ArrayList<>();
        collect(document, refs);

        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
    }

    @Test
    void the_docs_page_lists_the_routes() {
        try (TestServer server =
                TestServer.start(TestServer.urlOf(TestDatabases.freshSqlite(dir)), dir.resolve("absent.yaml"))) {
            Http.Response page = server.http.get("/docs");

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body()).contains("/admin/api/v1/integrations/{id}", "/agent/run", "/openapi.json");
        }
    }

    private static void collect(JsonNode node, java.util.List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collect(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, refs));
        }
    }
}
