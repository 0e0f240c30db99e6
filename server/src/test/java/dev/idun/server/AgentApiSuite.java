package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent admin resource over real HTTP, against one kind of database. */
abstract class AgentApiSuite {
    static final String BASE = "/admin/api/v1/agent";
    static final String RUN_BODY =
            "{\"threadId\":\"t-1\",\"runId\":\"r-1\",\"messages\":[{\"id\":\"m-1\",\"role\":\"user\",\"content\":\"hi\"}]}";
    static final String OPENAI_AGENT = """
            {"baseEngineConfig": {"agent": {"type": "LANGCHAIN4J", "config": {"name": "Helper",
             "system_prompt": "Be brief.",
             "model": {"provider": "openai", "name": "gpt-4o", "api_key": "sk-secret-123456",
              "base_url": "http://127.0.0.1:9/v1"}}}}}""";
    static final String ECHO_AGENT = """
            {"baseEngineConfig": {"agent": {"type": "LANGCHAIN4J",
             "config": {"name": "%s", "model": {"provider": "echo"}}}}}""";

    @TempDir
    Path dir;

    TestServer server;
    Http http;

    abstract String newDatabaseUrl(Path dir);

    @BeforeEach
    void start() {
        server = TestServer.start(newDatabaseUrl(dir), dir.resolve("absent.yaml"));
        http = server.http;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    long configVersion() {
        return http.get("/admin/api/v1/runtime/status")
                .json()
                .get("configVersion")
                .asLong();
    }

    String healthName() {
        return http.get("/health").json().get("agent_name").asText();
    }

    static List<String> fields(Http.Response response) {
        List<String> fields = new ArrayList<>();
        response.json()
                .at("/error/fieldErrors")
                .forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    @Test
    void gets_the_seeded_agent_with_its_base_config() {
        Http.Response response = http.get(BASE);

        assertThat(response.status()).isEqualTo(200);
        JsonNode agent = response.json();
        assertThat(agent.get("id").asText()).hasSize(36);
        assertThat(agent.get("slug").isNull()).isTrue();
        assertThat(agent.get("name").asText()).isEqualTo("Starter Agent");
        assertThat(agent.get("description").isNull()).isTrue();
        assertThat(agent.get("status").asText()).isEqualTo("active");
        assertThat(agent.get("createdAt").asText()).endsWith("Z");
        JsonNode base = agent.get("baseEngineConfig");
        assertThat(base.at("/server/api/port").asInt()).isEqualTo(8000);
        assertThat(base.at("/agent/type").asText()).isEqualTo("LANGCHAIN4J");
        assertThat(base.at("/agent/config/name").asText()).isEqualTo("Starter Agent");
        for (String section : List.of("mcpServers", "guardrails", "observability", "sso", "integrations", "prompts")) {
            assertThat(base.get(section).isNull()).as(section).isTrue();
        }
    }

    @Test
    void a_rename_is_applied_to_the_row_the_agent_config_and_the_runtime() {
        int builds = server.builder.builds();

        Http.Response response = http.patch(BASE, "{\"name\": \"Renamed\", \"description\": \"Helps\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().at("/data/name").asText()).isEqualTo("Renamed");
        assertThat(response.json().at("/data/description").asText()).isEqualTo("Helps");
        assertThat(response.json()
                        .at("/data/baseEngineConfig/agent/config/name")
                        .asText())
                .isEqualTo("Renamed");
        assertThat(response.json().at("/reload/status").asText()).isEqualTo("reloaded");
        assertThat(response.json().at("/reload/message").asText()).isEqualTo("Saved and reloaded.");
        assertThat(server.builder.builds()).isEqualTo(builds + 1);
        assertThat(healthName()).isEqualTo("Renamed");
        assertThat(http.get(BASE).json().get("name").asText()).isEqualTo("Renamed");
        assertThat(http.get("/admin/api/v1/runtime/status").json().get("status").asText())
                .isEqualTo("reloaded");
    }

    @Test
    void an_empty_patch_changes_nothing_and_does_not_reload() {
        long version = configVersion();
        int builds = server.builder.builds();

        Http.Response response = http.patch(BASE, "{}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/reload/status").asText()).isEqualTo("reloaded");
        assertThat(response.json().at("/reload/message").asText()).isEqualTo("No changes.");
        assertThat(response.json().at("/data/name").asText()).isEqualTo("Starter Agent");
        assertThat(server.builder.builds()).isEqualTo(builds);
        assertThat(configVersion()).isEqualTo(version);
    }

    @Test
    void rejects_null_name_null_base_config_and_overlong_fields() {
        Http.Response nullName = http.patch(BASE, "{\"name\": null}");
        assertThat(nullName.status()).isEqualTo(422);
        assertThat(nullName.json().at("/error/code").asText()).isEqualTo("validation_failed");
        assertThat(nullName.json().at("/error/fieldErrors/0/message").asText()).isEqualTo("name cannot be null");
        assertThat(fields(nullName)).containsExactly("name");

        assertThat(fields(http.patch(BASE, "{\"baseEngineConfig\": null}"))).containsExactly("baseEngineConfig");
        assertThat(fields(http.patch(BASE, "{\"version\": \"" + "9".repeat(51) + "\"}")))
                .containsExactly("version");
        assertThat(fields(http.patch(BASE, "{\"name\": \"" + "n".repeat(256) + "\"}")))
                .containsExactly("name");
        assertThat(http.patch(BASE, "[]").status()).isEqualTo(422);
        assertThat(http.get(BASE).json().get("name").asText()).isEqualTo("Starter Agent");
    }

    @Test
    void metadata_sent_as_null_is_cleared_and_omitted_metadata_is_kept() {
        http.patch(BASE, "{\"description\": \"d\", \"version\": \"1.0\", \"baseUrl\": \"https://agent.example\"}");

        Http.Response response = http.patch(BASE, "{\"description\": null}");

        assertThat(response.status()).isEqualTo(200);
        JsonNode data = response.json().get("data");
        assertThat(data.get("description").isNull()).isTrue();
        assertThat(data.get("version").asText()).isEqualTo("1.0");
        assertThat(data.get("baseUrl").asText()).isEqualTo("https://agent.example");
    }

    @Test
    void replaces_the_agent_section_and_masks_its_api_key() {
        Http.Response response = http.patch(BASE, OPENAI_AGENT);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode data = response.json().get("data");
        assertThat(data.get("name").asText()).isEqualTo("Helper");
        assertThat(data.at("/baseEngineConfig/agent/config/system_prompt").asText())
                .isEqualTo("Be brief.");
        assertThat(data.at("/baseEngineConfig/agent/config/model/api_key").asText())
                .isEqualTo("••••3456");
        assertThat(response.body()).doesNotContain("sk-secret-123456");
        assertThat(http.get(BASE).body()).doesNotContain("sk-secret-123456");
        assertThat(healthName()).isEqualTo("Helper");
        assertThat(CliRunner.exportYaml(server.databaseUrl)).contains("sk-secret-123456");
    }

    @Test
    void a_masked_api_key_sent_back_keeps_the_stored_one() {
        http.patch(BASE, OPENAI_AGENT);
        JsonNode base = http.get(BASE).json().get("baseEngineConfig");
        ((ObjectNode) base.at("/agent/config")).put("system_prompt", "Be very brief.");

        Http.Response saved = http.patch(BASE, "{\"baseEngineConfig\": " + base + "}");

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json()
                        .at("/data/baseEngineConfig/agent/config/system_prompt")
                        .asText())
                .isEqualTo("Be very brief.");
        String exported = CliRunner.exportYaml(server.databaseUrl);
        assertThat(exported).contains("sk-secret-123456").contains("Be very brief.");

        Http.Response wrongMask = http.patch(BASE, OPENAI_AGENT.replace("sk-secret-123456", "••••9999"));
        assertThat(wrongMask.status()).isEqualTo(422);
        assertThat(wrongMask.json().at("/error/fieldErrors/0/code").asText()).isEqualTo("masked_secret");
        assertThat(fields(wrongMask)).containsExactly("baseEngineConfig.agent.config.model.api_key");
    }

    @Test
    void refuses_frameworks_this_server_does_not_run_and_names_what_to_use() {
        Http.Response response = http.patch(BASE, """
                {"baseEngineConfig": {"agent": {"type": "ADK", "config": {"name": "x", "agent": "a.py:agent"}}}}""");

        assertThat(response.status()).isEqualTo(422);
        assertThat(fields(response)).containsExactly("baseEngineConfig.agent.type");
        assertThat(response.json().at("/error/fieldErrors/0/message").asText()).contains("LANGCHAIN4J");
        assertThat(http.get(BASE).json().at("/baseEngineConfig/agent/type").asText())
                .isEqualTo("LANGCHAIN4J");
    }

    @Test
    void names_snake_case_paths_inside_the_agent_section() {
        Http.Response missing = http.patch(BASE, """
                {"baseEngineConfig": {"agent": {"type": "LANGGRAPH", "config": {"name": "g"}}}}""");
        Http.Response checkpointer = http.patch(BASE, """
                {"baseEngineConfig": {"agent": {"type": "LANGCHAIN4J", "config": {"name": "g",
                 "model": {"provider": "echo"}, "checkpointer": {"type": "memory"}}}}}""");
        Http.Response otherSection = http.patch(BASE, """
                {"baseEngineConfig": {"mcpServers": [{"name": "time"}], "sso": null}}""");

        assertThat(fields(missing)).containsExactly("baseEngineConfig.agent.config.graph_definition");
        assertThat(fields(checkpointer)).containsExactly("baseEngineConfig.agent.config.checkpointer");
        assertThat(fields(otherSection)).containsExactly("baseEngineConfig.mcpServers");
        assertThat(otherSection.json().at("/error/fieldErrors/0/message").asText())
                .contains("/admin/api/v1/mcp-servers");
    }

    @Test
    void the_base_config_a_get_shows_can_be_sent_back_as_is() {
        JsonNode base = http.get(BASE).json().get("baseEngineConfig");

        Http.Response response = http.patch(BASE, "{\"baseEngineConfig\": " + base + "}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().at("/data/baseEngineConfig")).isEqualTo(base);
    }

    @Test
    void a_new_server_port_is_saved_and_reported_as_needing_a_restart() {
        Http.Response response = http.patch(BASE, "{\"baseEngineConfig\": {\"server\": {\"api\": {\"port\": 9123}}}}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().at("/reload/status").asText()).isEqualTo("restart_required");
        assertThat(response.json().at("/data/baseEngineConfig/server/api/port").asInt())
                .isEqualTo(9123);
        assertThat(response.json()
                        .at("/data/baseEngineConfig/agent/config/name")
                        .asText())
                .isEqualTo("Starter Agent");
        assertThat(CliRunner.exportYaml(server.databaseUrl)).contains("port: 9123");
        assertThat(fields(http.patch(BASE, "{\"baseEngineConfig\": {\"server\": {\"api\": {\"port\": 70000}}}}")))
                .containsExactly("baseEngineConfig.server.api.port");
    }

    @Test
    void a_top_level_name_wins_over_the_agent_config_name() {
        Http.Response response = http.patch(
                BASE, "{\"name\": \"Top\", " + ECHO_AGENT.formatted("Inner").substring(1));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().at("/data/name").asText()).isEqualTo("Top");
        assertThat(response.json()
                        .at("/data/baseEngineConfig/agent/config/name")
                        .asText())
                .isEqualTo("Top");
        assertThat(healthName()).isEqualTo("Top");
    }

    @Test
    void a_dry_run_validates_and_builds_but_changes_nothing() {
        String exported = CliRunner.exportYaml(server.databaseUrl);
        long version = configVersion();
        int builds = server.builder.builds();

        Http.Response response = http.patch(BASE + "?dryRun=true", "{\"name\": \"Dry\", " + OPENAI_AGENT.substring(1));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().at("/reload/status").asText()).isEqualTo("validated");
        assertThat(response.json().at("/data/name").asText()).isEqualTo("Dry");
        assertThat(response.json()
                        .at("/data/baseEngineConfig/agent/config/model/provider")
                        .asText())
                .isEqualTo("openai");
        assertThat(response.body()).doesNotContain("sk-secret-123456");
        assertThat(server.builder.builds()).isEqualTo(builds + 1);
        assertThat(CliRunner.exportYaml(server.databaseUrl)).isEqualTo(exported);
        assertThat(configVersion()).isEqualTo(version);
        assertThat(healthName()).isEqualTo("Starter Agent");
        assertThat(http.get(BASE).json().get("name").asText()).isEqualTo("Starter Agent");
    }

    @Test
    void a_dry_run_reports_validation_and_build_failures_and_still_changes_nothing() {
        String exported = CliRunner.exportYaml(server.databaseUrl);

        Http.Response invalid = http.patch(BASE + "?dryRun=true", """
                {"baseEngineConfig": {"agent": {"type": "LANGGRAPH", "config": {"name": "g"}}}}""");
        server.builder.failWith("graph boom");
        Http.Response unbuildable = http.patch(BASE + "?dryRun=true", "{\"name\": \"Dry\"}");

        assertThat(invalid.status()).isEqualTo(422);
        assertThat(unbuildable.status()).isEqualTo(500);
        assertThat(unbuildable.json().at("/error/code").asText()).isEqualTo("reload_failed");
        assertThat(unbuildable.json().at("/error/details/reason").asText()).contains("graph boom");
        assertThat(CliRunner.exportYaml(server.databaseUrl)).isEqualTo(exported);
        assertThat(healthName()).isEqualTo("Starter Agent");
    }

    @Test
    void a_failed_reload_rolls_back_and_keeps_the_old_agent_serving() {
        server.builder.failWith("agent boom");

        Http.Response failed = http.patch(BASE, "{\"name\": \"Broken\"}");

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.json().at("/error/code").asText()).isEqualTo("reload_failed");
        assertThat(failed.json().at("/error/details/recovered").asBoolean()).isTrue();
        assertThat(http.get(BASE).json().get("name").asText()).isEqualTo("Starter Agent");
        assertThat(healthName()).isEqualTo("Starter Agent");
        assertThat(http.get("/admin/api/v1/runtime/status").json().get("status").asText())
                .isEqualTo("reload_failed");
    }

    @Test
    void concurrent_patches_serialize() throws Exception {
        int builds = server.builder.builds();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = "Agent " + i;
            results.add(pool.submit(
                    () -> http.patch(BASE, "{\"name\": \"" + name + "\"}").status()));
        }
        for (Future<Integer> result : results) {
            assertThat(result.get()).isEqualTo(200);
        }
        pool.shutdown();

        assertThat(server.builder.builds()).isEqualTo(builds + 8);
        String stored = http.get(BASE).json().get("name").asText();
        assertThat(healthName()).isEqualTo(stored);
        assertThat(Set.of("Agent 0", "Agent 1", "Agent 2", "Agent 3", "Agent 4", "Agent 5", "Agent 6", "Agent 7"))
                .contains(stored);
    }

    @Test
    void an_unconfigured_server_is_configured_through_patch_agent() {
        server.close();
        server = TestServer.start(
                newDatabaseUrl(dir.resolve("unconfigured")),
                dir.resolve("absent.yaml"),
                Map.of("IDUN_SEED_STARTER", "false"));
        http = server.http;

        Http.Response missing = http.get(BASE);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/error/code").asText()).isEqualTo("not_found");
        assertThat(missing.json().at("/error/message").asText()).startsWith("Standalone is not configured.");
        assertThat(http.patch(BASE, "{\"name\": \"x\"}").status()).isEqualTo(404);
        assertThat(http.patch(BASE, "{}").status()).isEqualTo(404);
        assertThat(http.post("/agent/run", RUN_BODY).status()).isEqualTo(503);

        Http.Response created = http.patch(
                BASE,
                "{\"description\": \"first\", " + ECHO_AGENT.formatted("Echo").substring(1));

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().at("/data/name").asText()).isEqualTo("Echo");
        assertThat(created.json().at("/data/description").asText()).isEqualTo("first");
        assertThat(created.json().at("/data/baseEngineConfig/server/api/port").asInt())
                .isEqualTo(8000);
        assertThat(created.json().at("/reload/status").asText()).isEqualTo("reloaded");
        assertThat(http.get(BASE).json().get("name").asText()).isEqualTo("Echo");
        Http.Response run = http.post("/agent/run", RUN_BODY);
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.body()).contains("RUN_STARTED").contains("RUN_FINISHED");
    }
}
