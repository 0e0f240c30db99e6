package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.admin.db.TestDatabases;
import dev.idun.engine.model.FakeModelServer;
import dev.idun.engine.observability.FakeOtlpCollector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored observability provider acting on real runs: spans reach a collector on loopback, or the reload says no. */
class ObservabilityExportTest {
    static final String CHUNK = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"gpt-x\",\"choices\":[{\"index\":0,\"delta\":%s,\"finish_reason\":%s}]}";
    static final String USAGE = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"gpt-x\",\"choices\":[],\"usage\":{\"prompt_tokens\":42,\"completion_tokens\":8,"
            + "\"total_tokens\":50}}";

    @TempDir
    Path dir;

    TestServer server;
    Http http;
    FakeModelServer model;
    FakeOtlpCollector collector;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(TestServer.urlOf(TestDatabases.freshSqlite(dir)), dir.resolve("absent.yaml"));
        http = server.http;
        model = new FakeModelServer();
        collector = FakeOtlpCollector.start();
        Http.Response agent = http.patch("/admin/api/v1/agent", """
                {"baseEngineConfig": {"agent": {"type": "LANGCHAIN4J", "config": {"name": "Traced",
                 "model": {"provider": "openai", "name": "gpt-x", "api_key": "sk-model",
                  "base_url": "%s/v1"}}}}}""".formatted(model.baseUrl()));
        assertThat(agent.status()).as(agent.body()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        server.close();
        model.close();
        collector.close();
    }

    void answerOnce() {
        model.reply(FakeModelServer.openAi(
                CHUNK.formatted("{\"content\":\"Hi there\"}", "null"), CHUNK.formatted("{}", "\"stop\""), USAGE));
    }

    void runOnce(String threadId) {
        Http.Response run = http.post(
                "/agent/run",
                "{\"threadId\": \"" + threadId + "\", \"runId\": \"r1\","
                        + " \"messages\": [{\"id\": \"m1\", \"role\": \"user\", \"content\": \"hi\"}]}");
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.body()).contains("RUN_FINISHED");
    }

    @Test
    void langfuse_receives_the_spans_of_a_chat_run_with_basic_auth_and_token_usage() throws Exception {
        Http.Response patched = http.patch("/admin/api/v1/observability", """
                {"observability": {"provider": "LANGFUSE", "enabled": true, "config": {"host": "%s",
                 "publicKey": "pk-lf-public", "secretKey": "sk-lf-secret", "runName": "support-bot"}}}""".formatted(collector.baseUrl()));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        answerOnce();

        runOnce("lf-thread");

        FakeOtlpCollector.ReceivedSpan chat =
                collector.awaitSpan(s -> s.name().equals("chat gpt-x"), Duration.ofSeconds(20));
        FakeOtlpCollector.ReceivedSpan root =
                collector.awaitSpan(s -> s.name().equals("invoke_agent support-bot"), Duration.ofSeconds(20));
        assertThat(chat.parentSpanId()).isEqualTo(root.spanId());
        assertThat(chat.attributes())
                .containsEntry("gen_ai.request.model", "gpt-x")
                .containsEntry("gen_ai.system", "openai")
                .containsEntry("gen_ai.usage.input_tokens", 42L)
                .containsEntry("gen_ai.usage.output_tokens", 8L);
        assertThat(root.resource()).containsEntry("service.name", "Traced");
        FakeOtlpCollector.Received request = collector.requests().get(0);
        assertThat(request.path()).isEqualTo("/api/public/otel/v1/traces");
        assertThat(request.headers().get("authorization"))
                .isEqualTo("Basic "
                        + Base64.getEncoder()
                                .encodeToString("pk-lf-public:sk-lf-secret".getBytes(StandardCharsets.UTF_8)));
        JsonNode status = http.get("/admin/api/v1/traces/status").json();
        assertThat(status.at("/export/provider").asText()).isEqualTo("LANGFUSE");
        assertThat(status.toString()).doesNotContain("sk-lf-secret");
        awaitTrace("lf-thread");
        JsonNode run =
                http.get("/admin/api/v1/traces/sessions/lf-thread").json().at("/runs/0");
        assertThat(run.at("/tokens/input").asLong()).isEqualTo(42);
        assertThat(run.at("/tokens/output").asLong()).isEqualTo(8);
        JsonNode summary = http.get("/admin/api/v1/metrics/summary?days=1").json();
        assertThat(summary.at("/tokens/input").asLong()).isEqualTo(42);
        assertThat(summary.at("/tokens/output").asLong()).isEqualTo(8);
    }

    @Test
    void plain_otlp_sends_its_headers_to_the_endpoint() throws Exception {
        Http.Response patched = http.patch("/admin/api/v1/observability", """
                {"observability": {"provider": "OTLP", "enabled": true, "config": {"endpoint": "%s",
                 "headers": {"x-tenant": "team-7"}}}}""".formatted(collector.baseUrl()));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        answerOnce();

        runOnce("otlp-thread");

        collector.awaitSpan(s -> s.name().equals("invoke_agent Traced"), Duration.ofSeconds(20));
        FakeOtlpCollector.Received request = collector.requests().get(0);
        assertThat(request.path()).isEqualTo("/v1/traces");
        assertThat(request.headers().get("x-tenant")).isEqualTo("team-7");
        assertThat(request.contentType()).isEqualTo("application/x-protobuf");
    }

    @Test
    void gcp_trace_is_refused_at_reload_with_a_message_and_the_old_config_keeps_serving() {
        Http.Response refused = http.patch("/admin/api/v1/observability", """
                {"observability": {"provider": "GCP_TRACE", "enabled": true,
                 "config": {"gcpProjectId": "my-project"}}}""");

        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.json().at("/error/code").asText()).isEqualTo("reload_failed");
        assertThat(refused.json().at("/error/details/reason").asText())
                .contains("Google Cloud credentials")
                .contains("OTLP");
        assertThat(http.get("/admin/api/v1/observability").status()).isEqualTo(404);
        answerOnce();
        runOnce("still-serving");
    }

    void awaitTrace(String threadId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (http.get("/admin/api/v1/traces/sessions/" + threadId).status() == 200) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no trace of " + threadId);
    }
}
