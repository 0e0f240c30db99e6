package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idun.config.Json;
import dev.idun.engine.model.FakeModelServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guardrails acting on chat runs over real HTTP: a model agent on a fake provider, guards set via the admin API. */
abstract class GuardrailsRunSuite {
    @TempDir
    Path dir;

    FakeModelServer provider;
    TestServer server;
    Http http;

    abstract String newDatabaseUrl(Path dir);

    @BeforeEach
    void start() throws IOException {
        provider = new FakeModelServer();
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, """
                agent:
                  type: LANGCHAIN4J
                  config:
                    name: Guarded Agent
                    model:
                      provider: openai
                      name: gpt-4o-mini
                      base_url: %s/v1
                      api_key: sk-test
                """.formatted(provider.baseUrl()));
        server = TestServer.start(newDatabaseUrl(dir), config);
        http = server.http;
    }

    @AfterEach
    void stop() {
        server.close();
        provider.close();
    }

    void guard(String position, String guardrail) {
        Http.Response response = http.post(
                "/admin/api/v1/guardrails",
                "{\"name\": \"G " + position + "\", \"position\": \"" + position + "\", \"guardrail\": " + guardrail
                        + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    static String chunk(String content, String finish) {
        String delta = content == null
                ? "{}"
                : "{\"content\":" + Json.mapper().getNodeFactory().textNode(content) + "}";
        return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finish + "}]}";
    }

    void modelStreams(String... deltas) {
        List<String> chunks = new ArrayList<>();
        for (String delta : deltas) {
            chunks.add(chunk(delta, "null"));
        }
        chunks.add(chunk(null, "\"stop\""));
        provider.reply(FakeModelServer.openAi(chunks.toArray(String[]::new)));
    }

    Http.Response run(String text) {
        return http.post(
                "/agent/run",
                "{\"threadId\": \"t1\", \"runId\": \"r1\", \"messages\": [{\"id\": \"m1\", \"role\": \"user\","
                        + " \"content\": " + Json.mapper().getNodeFactory().textNode(text) + "}]}");
    }

    static String deltas(Http.Response response) {
        StringBuilder text = new StringBuilder();
        for (String line : response.body().split("\n")) {
            if (line.startsWith("data: ")) {
                var event = Json.parse(line.substring(6));
                if (event.path("type").asText().equals("TEXT_MESSAGE_CONTENT")) {
                    text.append(event.path("delta").asText());
                }
            }
        }
        return text.toString();
    }

    @Test
    void a_blocked_input_gets_429_with_the_reject_message_and_the_model_is_never_called() {
        guard(
                "input",
                "{\"config_id\": \"ban_list\", \"banned_words\": [\"password\"], \"reject_message\": \"No"
                        + " secrets here.\"}");

        Http.Response run = run("what is the admin PASSWORD?");
        Http.Response invoke = http.post("/agent/invoke", "{\"query\": \"my password\", \"session_id\": \"s\"}");

        assertThat(run.status()).isEqualTo(429);
        assertThat(run.json()).isEqualTo(Json.parse("{\"detail\": \"No secrets here.\"}"));
        assertThat(run.headers().firstValue("content-type").orElse("")).startsWith("application/json");
        assertThat(invoke.status()).isEqualTo(429);
        assertThat(invoke.json().get("detail").asText()).isEqualTo("No secrets here.");
        assertThat(provider.requests()).isEmpty();
    }

    @Test
    void a_fixed_input_reaches_the_model_redacted() {
        guard("input", "{\"config_id\": \"detect_pii\", \"pii_entities\": [\"Email\"], \"on_fail\": \"fix\"}");
        modelStreams("Noted.");

        Http.Response run = run("I am jane@example.org");

        assertThat(run.status()).isEqualTo(200);
        assertThat(provider.requests().get(0).body().path("messages").toString())
                .contains("I am [EMAIL_ADDRESS]")
                .doesNotContain("jane@");
    }

    @Test
    void a_banned_word_split_across_model_deltas_ends_the_run_with_a_guardrail_error() {
        guard(
                "output",
                "{\"config_id\": \"ban_list\", \"banned_words\": [\"classified\"], \"reject_message\":"
                        + " \"I can't talk about that.\"}");
        modelStreams("Sure. The report you asked about is clas", "sif", "ied and stays internal.");

        Http.Response run = run("tell me about the report");

        assertThat(run.status()).isEqualTo(200);
        assertThat(deltas(run)).doesNotContainIgnoringCase("clas").doesNotContain("sif");
        assertThat(run.body())
                .containsSubsequence(
                        "RUN_STARTED", "\"type\":\"RUN_ERROR\"", "I can't talk about that.", "GUARDRAIL_BLOCKED")
                .doesNotContain("RUN_FINISHED");
    }

    @Test
    void pii_split_across_model_deltas_is_redacted_in_the_stream() {
        guard(
                "output",
                "{\"config_id\": \"detect_pii\", \"pii_entities\": [\"Email\", \"Credit Card\"],"
                        + " \"on_fail\": \"fix\"}");
        modelStreams("Write to sup", "port@exam", "ple.com; card 4111 1111 ", "1111 1111 is on file.");

        Http.Response run = run("contact?");

        assertThat(run.status()).isEqualTo(200);
        assertThat(deltas(run)).isEqualTo("Write to [EMAIL_ADDRESS]; card [CREDIT_CARD] is on file.");
        assertThat(run.body()).contains("RUN_FINISHED");
    }
}
