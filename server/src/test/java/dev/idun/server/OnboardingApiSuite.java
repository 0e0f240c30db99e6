package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.admin.onboarding.CompiledSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The onboarding admin API (state, create-starter, scan) over real HTTP, against one kind of database. */
abstract class OnboardingApiSuite {
    static final String BASE = "/admin/api/v1/onboarding";
    static final String UNCONFIGURED = "IDUN_SEED_STARTER";
    static final String RUN = "{\"threadId\": \"t1\", \"runId\": \"r1\", \"messages\": [{\"id\": \"m1\","
            + " \"role\": \"user\", \"content\": \"hello\"}]}";
    static final String API_KEY = "sk-onboarding-secret-9f3a";

    @TempDir
    Path dir;

    @TempDir
    Path project;

    TestServer server;
    Http http;

    abstract String newDatabaseUrl(Path dir);

    void start(Map<String, String> env) {
        server = TestServer.start(newDatabaseUrl(dir), dir.resolve("absent.yaml"), env);
        http = server.http;
    }

    void startUnconfigured(Map<String, String> env) {
        Map<String, String> vars = new HashMap<>(env);
        vars.put(UNCONFIGURED, "false");
        start(vars);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    Http.Response createStarter(String body) {
        return http.post(BASE + "/create-starter", body);
    }

    JsonNode scan(Path root) {
        Http.Response response = http.post(BASE + "/scan", "{\"root\": \"" + root + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static JsonNode fieldError(Http.Response response, String field) {
        for (JsonNode error : response.json().at("/error/fieldErrors")) {
            if (error.get("field").asText().equals(field)) {
                return error;
            }
        }
        throw new AssertionError("No field error on " + field + " in " + response.body());
    }

    @Test
    void state_reports_an_unconfigured_server_with_only_the_echo_provider() {
        startUnconfigured(Map.of());

        Http.Response response = http.get(BASE + "/state");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("state").asText()).isEqualTo("NOT_CONFIGURED");
        assertThat(response.json().get("currentAgent").isNull()).isTrue();
        assertThat(response.json().get("detectedProviders"))
                .extracting(JsonNode::asText)
                .containsExactly("echo");
    }

    @Test
    void state_lists_the_providers_whose_keys_are_in_the_environment_but_never_the_keys() {
        startUnconfigured(Map.of(
                "OPENAI_API_KEY", "sk-openai-value-1",
                "GOOGLE_API_KEY", "google-value-2",
                "ANTHROPIC_API_KEY", " "));

        Http.Response response = http.get(BASE + "/state");

        assertThat(response.json().get("detectedProviders"))
                .extracting(JsonNode::asText)
                .containsExactly("openai", "gemini", "echo");
        assertThat(response.body()).doesNotContain("sk-openai-value-1", "google-value-2");
    }

    @Test
    void state_reports_the_configured_agent() {
        start(Map.of("ANTHROPIC_API_KEY", "anthropic-value"));

        JsonNode state = http.get(BASE + "/state").json();

        assertThat(state.get("state").asText()).isEqualTo("ALREADY_CONFIGURED");
        assertThat(state.at("/currentAgent/id").asText()).hasSize(36);
        assertThat(state.at("/currentAgent/name").asText()).isEqualTo("Starter Agent");
        assertThat(state.at("/currentAgent/type").asText()).isEqualTo("LANGCHAIN4J");
        assertThat(state.get("detectedProviders")).extracting(JsonNode::asText).containsExactly("anthropic", "echo");
    }

    @Test
    void an_echo_starter_makes_the_agent_answer() {
        startUnconfigured(Map.of());
        assertThat(http.post("/agent/run", RUN).status()).isEqualTo(503);

        Http.Response created = createStarter("{\"provider\": \"echo\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode data = created.json().get("data");
        assertThat(data.get("id").asText()).hasSize(36);
        assertThat(data.get("name").asText()).isEqualTo("Starter Agent");
        assertThat(data.get("type").asText()).isEqualTo("LANGCHAIN4J");
        assertThat(data.at("/baseEngineConfig/agent/config/name").asText()).isEqualTo("Starter Agent");
        assertThat(data.at("/baseEngineConfig/agent/config/model/provider").asText())
                .isEqualTo("echo");
        assertThat(created.json().at("/reload/status").asText()).isEqualTo("reloaded");
        assertThat(created.json().at("/reload/message").asText()).isEqualTo("Saved and reloaded.");
        Http.Response run = http.post("/agent/run", RUN);
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.body()).contains("\"delta\":\"Echo: hello\"");
        JsonNode state = http.get(BASE + "/state").json();
        assertThat(state.get("state").asText()).isEqualTo("ALREADY_CONFIGURED");
        assertThat(state.at("/currentAgent/id").asText())
                .isEqualTo(data.get("id").asText());
    }

    @Test
    void a_starter_is_refused_when_an_agent_is_configured() {
        start(Map.of());

        Http.Response response = createStarter("{\"provider\": \"echo\", \"name\": \"Second\"}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().at("/error/code").asText()).isEqualTo("conflict");
        assertThat(response.json().at("/error/message").asText())
                .isEqualTo("Agent already configured. Use PATCH /admin/api/v1/agent to update it.");
        assertThat(http.get(BASE + "/state").json().at("/currentAgent/name").asText())
                .isEqualTo("Starter Agent");
    }

    @Test
    void a_second_starter_is_refused_after_the_first() {
        startUnconfigured(Map.of());
        assertThat(createStarter("{\"provider\": \"echo\"}").status()).isEqualTo(200);

        assertThat(createStarter("{\"provider\": \"echo\"}").status()).isEqualTo(409);
    }

    @Test
    void concurrent_starters_create_exactly_one_agent() throws Exception {
        startUnconfigured(Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String body = "{\"provider\": \"echo\", \"name\": \"Agent " + i + "\"}";
            results.add(pool.submit(() -> createStarter(body).status()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(200, 409).containsOnlyOnce(200);
    }

    @Test
    void a_starter_with_an_unknown_provider_is_rejected_with_the_field() {
        startUnconfigured(Map.of());

        Http.Response response = createStarter("{\"provider\": \"mistral\", \"model\": \"large\"}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().at("/error/code").asText()).isEqualTo("validation_failed");
        assertThat(fieldError(response, "provider").get("code").asText()).isEqualTo("literal_error");
        assertThat(http.get(BASE + "/state").json().get("state").asText()).isEqualTo("NOT_CONFIGURED");
    }

    @Test
    void a_starter_needs_a_model_unless_it_uses_echo() {
        startUnconfigured(Map.of());

        Http.Response response = createStarter("{\"provider\": \"openai\"}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(fieldError(response, "model").get("code").asText()).isEqualTo("missing");
    }

    @Test
    void a_starter_reports_every_bad_field_at_once() {
        startUnconfigured(Map.of());

        Http.Response response =
                createStarter("{\"name\": \"" + "x".repeat(81) + "\", \"baseUrl\": \"not a url\", \"apiKey\": 42.5}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(fieldError(response, "name").get("code").asText()).isEqualTo("string_too_long");
        assertThat(fieldError(response, "provider").get("code").asText()).isEqualTo("missing");
        assertThat(fieldError(response, "baseUrl").get("code").asText()).isEqualTo("url_parsing");
    }

    @Test
    void a_starter_masks_the_api_key_in_its_answer_and_stores_the_real_one() {
        startUnconfigured(Map.of());

        Http.Response created = createStarter("""
                {"name": "Support Bot", "provider": "openai", "model": "gpt-4o-mini",
                 "apiKey": "%s", "base_url": "http://127.0.0.1:9/v1"}""".formatted(API_KEY));

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode model = created.json().at("/data/baseEngineConfig/agent/config/model");
        assertThat(model.get("api_key").asText()).isEqualTo("••••9f3a");
        assertThat(model.get("name").asText()).isEqualTo("gpt-4o-mini");
        assertThat(model.get("base_url").asText()).isEqualTo("http://127.0.0.1:9/v1");
        assertThat(created.json().at("/data/name").asText()).isEqualTo("Support Bot");
        assertThat(created.body()).doesNotContain(API_KEY);
        assertThat(CliRunner.exportYaml(server.databaseUrl)).contains(API_KEY, "gpt-4o-mini", "Support Bot");
    }

    @Test
    void a_starter_refuses_a_masked_api_key() {
        startUnconfigured(Map.of());

        Http.Response response =
                createStarter("{\"provider\": \"anthropic\", \"model\": \"claude\", \"apiKey\": \"••••9f3a\"}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(fieldError(response, "apiKey").get("code").asText()).isEqualTo("masked_secret");
    }

    @Test
    void scan_detects_the_agent_of_a_built_jar() {
        startUnconfigured(Map.of());
        Path classes = CompiledSources.compile(
                dir.resolve("classes"),
                Map.of(
                        "dev.idun.engine.agent.Agent",
                        CompiledSources.AGENT_SPI,
                        "com.acme.SupportAgent",
                        "package com.acme; public class SupportAgent implements dev.idun.engine.agent.Agent {"
                                + " public String name() { return \"s\"; } }"));
        CompiledSources.jar(project.resolve("build/libs/support.jar"), classes, "com.acme.SupportAgent");

        JsonNode response = scan(project);

        assertThat(response.get("state").asText()).isEqualTo("ONE_DETECTED");
        assertThat(response.get("currentAgent").isNull()).isTrue();
        JsonNode result = response.get("scanResult");
        assertThat(result.get("root").asText()).isEqualTo(project.toString());
        assertThat(result.get("hasJavaArtifacts").asBoolean()).isTrue();
        assertThat(result.get("scanDurationMs").isIntegralNumber()).isTrue();
        assertThat(result.get("detected")).hasSize(1);
        JsonNode agent = result.at("/detected/0");
        assertThat(agent.get("type").asText()).isEqualTo("CUSTOM");
        assertThat(agent.get("location").asText()).isEqualTo("build/libs/support.jar");
        assertThat(agent.get("className").asText()).isEqualTo("com.acme.SupportAgent");
        assertThat(agent.has("method")).isFalse();
        assertThat(agent.get("inferredName").asText()).isEqualTo("Support Agent");
        assertThat(agent.get("definition").asText())
                .isEqualTo(project.resolve("build/libs/support.jar") + ":com.acme.SupportAgent");
    }

    @Test
    void scan_detects_many_agents_across_a_jar_and_maven_classes() {
        startUnconfigured(Map.of());
        Path classes = CompiledSources.compile(
                dir.resolve("classes"),
                Map.of(
                        "dev.idun.engine.agent.Agent",
                        CompiledSources.AGENT_SPI,
                        "org.bsc.langgraph4j.StateGraph",
                        CompiledSources.STATE_GRAPH,
                        "com.acme.SupportAgent",
                        "package com.acme; public class SupportAgent implements dev.idun.engine.agent.Agent {"
                                + " public String name() { return \"s\"; } }",
                        "com.acme.ResearchGraph",
                        "package com.acme; public class ResearchGraph {"
                                + " public static org.bsc.langgraph4j.StateGraph<String> build()"
                                + " { return null; } }"));
        CompiledSources.jar(project.resolve("libs/support.jar"), classes, "com.acme.SupportAgent");
        CompiledSources.copyClasses(classes, project.resolve("target/classes"), "com.acme.ResearchGraph");

        JsonNode response = scan(project);

        assertThat(response.get("state").asText()).isEqualTo("MANY_DETECTED");
        JsonNode graph = response.at("/scanResult/detected/1");
        assertThat(graph.get("type").asText()).isEqualTo("LANGGRAPH");
        assertThat(graph.get("location").asText()).isEqualTo("target/classes");
        assertThat(graph.get("method").asText()).isEqualTo("build");
        assertThat(graph.get("inferredName").asText()).isEqualTo("Research");
        assertThat(graph.get("definition").asText())
                .isEqualTo(project.resolve("target/classes") + ":com.acme.ResearchGraph::build");
    }

    @Test
    void scan_tells_an_empty_directory_from_one_without_supported_agents() throws IOException {
        startUnconfigured(Map.of());

        assertThat(scan(project).get("state").asText()).isEqualTo("EMPTY");
        assertThat(scan(project).at("/scanResult/hasJavaArtifacts").asBoolean()).isFalse();

        Files.write(project.resolve("garbage.jar"), "not a zip".getBytes());
        JsonNode noSupported = scan(project);
        assertThat(noSupported.get("state").asText()).isEqualTo("NO_SUPPORTED");
        assertThat(noSupported.at("/scanResult/detected")).isEmpty();
    }

    @Test
    void scan_reports_the_configured_agent() {
        start(Map.of());

        JsonNode response = scan(project);

        assertThat(response.get("state").asText()).isEqualTo("ALREADY_CONFIGURED");
        assertThat(response.at("/currentAgent/name").asText()).isEqualTo("Starter Agent");
        assertThat(response.at("/currentAgent/type").asText()).isEqualTo("LANGCHAIN4J");
    }

    @Test
    void scan_refuses_a_root_outside_the_working_directory_that_is_not_a_directory() throws IOException {
        startUnconfigured(Map.of());
        Path file = Files.writeString(project.resolve("file.txt"), "x");

        Http.Response missing = http.post(BASE + "/scan", "{\"root\": \"" + project.resolve("missing") + "\"}");
        Http.Response notDirectory = http.post(BASE + "/scan", "{\"root\": \"" + file + "\"}");
        Http.Response notText = http.post(BASE + "/scan", "{\"root\": 7}");

        assertThat(missing.status()).isEqualTo(422);
        assertThat(fieldError(missing, "root").get("code").asText()).isEqualTo("path_not_directory");
        assertThat(notDirectory.status()).isEqualTo(422);
        assertThat(notText.status()).isEqualTo(422);
    }

    @Test
    void scan_without_a_body_scans_the_working_directory() {
        startUnconfigured(Map.of());

        Http.Response response = http.post(BASE + "/scan", "");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/scanResult/root").asText())
                .isEqualTo(Path.of("").toAbsolutePath().toString());
    }
}
