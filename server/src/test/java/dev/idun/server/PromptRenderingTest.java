package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.admin.db.TestDatabases;
import dev.idun.config.Json;
import dev.idun.engine.model.FakeModelServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stored prompt reaches the model agent as a Jinja2 system prompt, its newest version from the next run on. */
class PromptRenderingTest {
    private static final String CHUNKS =
            "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                    + "\"choices\":[{\"index\":0,\"delta\":%s,\"finish_reason\":%s}]}";

    @TempDir
    Path dir;

    FakeModelServer model;
    TestServer server;

    @BeforeEach
    void start() throws IOException {
        model = new FakeModelServer();
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, """
                agent:
                  type: LANGCHAIN4J
                  config: {name: Echo, model: {provider: echo}}
                """);
        server = TestServer.start(TestServer.urlOf(TestDatabases.freshSqlite(dir)), config);
    }

    @AfterEach
    void stop() {
        server.close();
        model.close();
    }

    private void addPrompt(String content) {
        ObjectNode body = Json.object().put("promptId", "support").put("content", content);
        assertThat(server.http.post("/admin/api/v1/prompts", body.toString()).status())
                .isEqualTo(201);
    }

    private void useModelAgentWithPrompt() {
        String patch = """
                {"baseEngineConfig": {"agent": {"type": "LANGCHAIN4J", "config": {"name": "Support",
                 "system_prompt_id": "support",
                 "model": {"provider": "openai", "name": "m", "base_url": "%s/v1", "api_key": "sk-test"}}}}}
                """.formatted(model.baseUrl());
        Http.Response response = server.http.patch("/admin/api/v1/agent", patch);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private String run(String state) {
        model.reply(FakeModelServer.openAi(
                CHUNKS.formatted("{\"content\":\"ok\"}", "null"), CHUNKS.formatted("{}", "\"stop\"")));
        Http.Response run = server.http.post(
                "/agent/run",
                "{\"threadId\": \"t-" + System.nanoTime() + "\", \"runId\": \"r\", \"state\": " + state
                        + ", \"messages\": [{\"id\": \"m1\", \"role\": \"user\", \"content\": \"hi\"}]}");
        assertThat(run.status()).isEqualTo(200);
        return run.body();
    }

    private String lastSystemPrompt() {
        return model.requests()
                .get(model.requests().size() - 1)
                .body()
                .at("/messages/0/content")
                .asText();
    }

    @Test
    void renders_the_newest_version_with_the_runs_state_from_the_next_run_on() {
        addPrompt("You help {{ user.name }}{% if vip %}, quickly{% endif %}.");
        useModelAgentWithPrompt();

        assertThat(run("{\"user\": {\"name\": \"Ada\"}, \"vip\": true}")).contains("RUN_FINISHED");
        assertThat(lastSystemPrompt()).isEqualTo("You help Ada, quickly.");

        addPrompt("Version two for {{ user.name | upper }}.");

        assertThat(run("{\"user\": {\"name\": \"Ada\"}}")).contains("RUN_FINISHED");
        assertThat(lastSystemPrompt()).isEqualTo("Version two for ADA.");
    }

    @Test
    void a_missing_variable_ends_the_run_with_an_error_naming_it() {
        addPrompt("You help {{ customer }}.");
        useModelAgentWithPrompt();
        int calls = model.requests().size();

        String events = run("{}");

        assertThat(events)
                .contains("RUN_ERROR", "prompt 'support' v1", "customer")
                .doesNotContain("RUN_FINISHED");
        assertThat(model.requests()).hasSize(calls);
    }
}
