package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.idun.admin.db.AgentRow;
import dev.idun.admin.db.AgentStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The observability admin resource and its connection check over real HTTP, against one kind of database. */
abstract class ObservabilityApiSuite {
    static final String BASE = "/admin/api/v1/observability";
    static final String LANGFUSE = """
            {"observability": {"provider": "LANGFUSE", "enabled": true, "config": {"host": "%s",
             "publicKey": "pk-lf-public-key", "secretKey": "sk-lf-secret-7788"}}}""";

    @TempDir
    Path dir;

    TestServer server;
    Http http;
    HttpServer fake;
    String fakeUrl;
    final List<String> fakeRequests = new CopyOnWriteArrayList<>();

    abstract String newDatabaseUrl(Path dir);

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start(newDatabaseUrl(dir), dir.resolve("absent.yaml"));
        http = server.http;
        fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        fake.createContext("/", exchange -> {
            fakeRequests.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getRequestHeaders());
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/") ? 200 : 404, -1);
            exchange.close();
        });
        fake.start();
        fakeUrl = "http://127.0.0.1:" + fake.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        fake.stop(0);
        server.close();
    }

    Http.Response write(String body) {
        Http.Response response = http.patch(BASE, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    Http.Response check() {
        Http.Response response = http.post(BASE + "/check-connection", "");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    @Test
    void answers_404_and_needs_observability_on_the_first_write() {
        Http.Response missing = http.get(BASE);
        Http.Response empty = http.patch(BASE, "{}");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/error/message").asText()).isEqualTo("No observability provider configured.");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().at("/error/message").asText()).isEqualTo("First write requires observability.");
        assertThat(empty.json().get("error").has("fieldErrors")).isFalse();
    }

    @Test
    void a_first_write_saves_reloads_and_masks_the_secret_key() {
        int builds = server.builder.builds();

        Http.Response response = write(LANGFUSE.formatted(fakeUrl));

        JsonNode observability = response.json().at("/data/observability");
        assertThat(observability.get("provider").asText()).isEqualTo("LANGFUSE");
        assertThat(observability.get("enabled").asBoolean()).isTrue();
        assertThat(observability.at("/config/publicKey").asText()).isEqualTo("pk-lf-public-key");
        assertThat(observability.at("/config/secretKey").asText()).isEqualTo("••••7788");
        assertThat(response.json().at("/reload/status").asText()).isEqualTo("reloaded");
        assertThat(server.builder.builds()).isEqualTo(builds + 1);
        Http.Response read = http.get(BASE);
        assertThat(read.json().at("/observability/provider").asText()).isEqualTo("LANGFUSE");
        assertThat(read.body()).doesNotContain("sk-lf-secret-7788");
        assertThat(CliRunner.exportYaml(server.databaseUrl)).contains("sk-lf-secret-7788");
    }

    @Test
    void a_masked_secret_sent_back_keeps_the_stored_one_and_a_wrong_mask_is_refused() {
        write(LANGFUSE.formatted(fakeUrl));
        JsonNode observability = http.get(BASE).json().get("observability");

        Http.Response sentBack = write("{\"observability\": " + observability + "}");

        assertThat(sentBack.json().at("/data/observability/config/secretKey").asText())
                .isEqualTo("••••7788");
        assertThat(CliRunner.exportYaml(server.databaseUrl)).contains("sk-lf-secret-7788");
        Http.Response wrong = http.patch(BASE, LANGFUSE.formatted(fakeUrl).replace("sk-lf-secret-7788", "••••0000"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().at("/error/fieldErrors/0/field").asText()).isEqualTo("observability.config.secretKey");
    }

    @Test
    void a_later_write_replaces_the_provider_and_an_empty_one_is_a_noop() {
        write(LANGFUSE.formatted(fakeUrl));
        int builds = server.builder.builds();

        assertThat(write("{}").json().at("/reload/message").asText()).isEqualTo("No changes.");
        assertThat(server.builder.builds()).isEqualTo(builds);

        Http.Response otlp = write("""
                {"observability": {"provider": "OTLP", "config": {"endpoint": "%s/v1/traces",
                 "headers": {"authorization": "Bearer otlp-token-5566"}}}}""".formatted(fakeUrl));
        assertThat(otlp.json().at("/data/observability/provider").asText()).isEqualTo("OTLP");
        assertThat(otlp.json()
                        .at("/data/observability/config/headers/authorization")
                        .asText())
                .isEqualTo("••••5566");
        assertThat(otlp.json().at("/data/observability/config").has("secretKey"))
                .isFalse();
        assertThat(server.builder.builds()).isEqualTo(builds + 1);
    }

    @Test
    void rejects_an_unknown_provider_and_an_explicit_null() {
        Http.Response unknown = http.patch(BASE, "{\"observability\": {\"provider\": \"DATADOG\", \"config\": {}}}");
        Http.Response nulled = http.patch(BASE, "{\"observability\": null}");

        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().at("/error/fieldErrors/0/field").asText()).isEqualTo("observability.provider");
        assertThat(nulled.status()).isEqualTo(422);
        assertThat(http.get(BASE).status()).isEqualTo(404);
    }

    @Test
    void deletes_the_provider() {
        write(LANGFUSE.formatted(fakeUrl));

        Http.Response deleted = http.delete(BASE);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().at("/data/deleted").asBoolean()).isTrue();
        assertThat(http.get(BASE).status()).isEqualTo(404);
        Http.Response again = http.delete(BASE);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().at("/error/message").asText())
                .isEqualTo("No observability provider configured to delete.");
    }

    @Test
    void a_failed_reload_rolls_back_the_first_write() {
        server.builder.failWith("exporter boom");

        Http.Response failed = http.patch(BASE, LANGFUSE.formatted(fakeUrl));

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.json().at("/error/code").asText()).isEqualTo("reload_failed");
        assertThat(failed.json().at("/error/details/recovered").asBoolean()).isTrue();
        assertThat(http.get(BASE).status()).isEqualTo(404);
    }

    @Test
    void a_corrupt_stored_agent_blocks_the_write_and_can_be_fixed_through_patch_agent() {
        AgentStore agents = new AgentStore();
        server.server.database().jdbi().useTransaction(h -> {
            AgentRow row = agents.find(h).orElseThrow();
            agents.update(
                    h,
                    new AgentRow(
                            row.id(),
                            "x",
                            null,
                            null,
                            row.status(),
                            null,
                            "{\"agent\":{\"type\":\"LANGGRAPH\",\"config\":{\"name\":\"x\"}}}",
                            row.createdAt(),
                            row.updatedAt()));
        });
        int builds = server.builder.builds();

        Http.Response blocked = http.patch(BASE, LANGFUSE.formatted(fakeUrl));

        assertThat(blocked.status()).isEqualTo(422);
        assertThat(blocked.json().at("/error/code").asText()).isEqualTo("validation_failed");
        List<String> fields = new ArrayList<>();
        blocked.json()
                .at("/error/fieldErrors")
                .forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).anyMatch(field -> field.contains("agent"));
        assertThat(server.builder.builds()).isEqualTo(builds);
        assertThat(http.get(BASE).status()).isEqualTo(404);

        Http.Response shown = http.get("/admin/api/v1/agent");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().at("/baseEngineConfig/agent/type").asText()).isEqualTo("LANGGRAPH");

        Http.Response fixed = http.patch("/admin/api/v1/agent", """
                {"baseEngineConfig": {"agent": {"type": "LANGCHAIN4J",
                 "config": {"name": "Fixed", "model": {"provider": "echo"}}}}}""");
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
        assertThat(fixed.json().at("/data/name").asText()).isEqualTo("Fixed");
        write(LANGFUSE.formatted(fakeUrl));
    }

    @Test
    void the_connection_check_needs_a_stored_provider() {
        Http.Response missing = http.post(BASE + "/check-connection", "");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/error/message").asText())
                .isEqualTo("No observability provider configured to check.");
    }

    @Test
    void the_connection_check_reaches_the_langfuse_host_without_sending_keys() {
        write(LANGFUSE.formatted(fakeUrl));

        Http.Response check = check();

        assertThat(check.body())
                .isEqualTo("{\"ok\":true,\"details\":{\"provider\":\"LANGFUSE\",\"host\":\"" + fakeUrl
                        + "\",\"status\":200},\"error\":null}");
        assertThat(fakeRequests).hasSize(1);
        assertThat(fakeRequests.get(0)).doesNotContain("sk-lf-secret-7788").doesNotContain("pk-lf-public-key");
    }

    @Test
    void the_connection_check_counts_any_http_answer_as_reachable() {
        write("""
                {"observability": {"provider": "PHOENIX", "config": {"collectorEndpoint": "%s/v1/traces"}}}""".formatted(fakeUrl));

        JsonNode check = check().json();

        assertThat(check.get("ok").asBoolean()).isTrue();
        assertThat(check.at("/details/status").asInt()).isEqualTo(404);
        assertThat(check.at("/details/endpoint").asText()).isEqualTo(fakeUrl + "/v1/traces");
    }

    @Test
    void the_connection_check_reports_an_unreachable_endpoint() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        write("""
                {"observability": {"provider": "OTLP", "config": {"endpoint": "http://127.0.0.1:%d/v1/traces",
                 "headers": {"authorization": "Bearer otlp-token-5566"}}}}""".formatted(port));

        Http.Response check = check();

        assertThat(check.json().get("ok").asBoolean()).isFalse();
        assertThat(check.json().get("error").asText()).startsWith("HTTP error:");
        assertThat(check.json().at("/details/provider").asText()).isEqualTo("OTLP");
        assertThat(check.body()).doesNotContain("otlp-token-5566");
    }

    @Test
    void an_enabled_gcp_provider_is_refused_and_the_check_does_not_contact_disabled_providers() {
        Http.Response gcp = http.patch(
                BASE,
                "{\"observability\": {\"provider\": \"GCP_TRACE\", \"config\": {\"gcpProjectId\": \"acme-prod\"}}}");
        write(LANGFUSE.formatted(fakeUrl).replace("\"enabled\": true", "\"enabled\": false"));
        JsonNode disabled = check().json();

        assertThat(gcp.status()).isEqualTo(500);
        assertThat(gcp.json().at("/error/code").asText()).isEqualTo("reload_failed");
        assertThat(gcp.json().at("/error/details/reason").asText()).contains("Google Cloud credentials");
        assertThat(disabled.get("ok").asBoolean()).isTrue();
        assertThat(disabled.at("/details/note").asText()).isEqualTo("provider is disabled");
        assertThat(fakeRequests).isEmpty();
    }
}
