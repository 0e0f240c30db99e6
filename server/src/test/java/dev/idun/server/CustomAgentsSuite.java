package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.idun.config.Json;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CUSTOM agents loaded from jars built at test time, run and reloaded over real HTTP, against one database. */
abstract class CustomAgentsSuite {
    static final String BASE = "/admin/api/v1/agent";
    static final String RUN_BODY =
            "{\"threadId\":\"t-1\",\"runId\":\"r-1\",\"messages\":[{\"id\":\"m-1\",\"role\":\"user\",\"content\":\"hi\"}]}";
    static final String GREETER = "com.acme.Greeter";

    @TempDir
    Path dir;

    TestServer server;
    Http http;
    Path jar;

    abstract String newDatabaseUrl(Path dir);

    @BeforeEach
    void start() {
        server = TestServer.start(newDatabaseUrl(dir), dir.resolve("absent.yaml"));
        http = server.http;
        jar = dir.resolve("agent.jar");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String greeter(String version) {
        return """
                package com.acme;

                import com.fasterxml.jackson.databind.node.ObjectNode;
                import dev.idun.engine.agent.*;
                import dev.idun.engine.agui.AgUiEvent;

                public class Greeter implements Agent {
                    private final String greeting;

                    public Greeter(ObjectNode config) {
                        greeting = config.path("greeting").asText("Hello");
                    }

                    public void run(RunInput input, EventSink sink) {
                        sink.emit(new AgUiEvent.TextMessageStart("m", "assistant"));
                        sink.emit(new AgUiEvent.TextMessageContent("m", "%s " + greeting + ", " + input.lastUserText()));
                        sink.emit(new AgUiEvent.TextMessageEnd("m"));
                    }
                }
                """.formatted(version);
    }

    Http.Response useAgent(String agentClass) {
        return http.patch(BASE, """
                {"baseEngineConfig": {"agent": {"type": "CUSTOM",
                 "config": {"name": "Greeter", "agent_class": %s, "greeting": "Bonjour"}}}}""".formatted(Json.write(TextNode.valueOf(agentClass))));
    }

    String answer() {
        Http.Response run = http.post("/agent/run", RUN_BODY);
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.body()).contains("RUN_FINISHED").doesNotContain("RUN_ERROR");
        return run.body();
    }

    @Test
    void runs_an_agent_from_a_jar_with_its_config() {
        AgentJars.build(jar, Map.of(GREETER, greeter("v1")));

        Http.Response response = useAgent(jar + ":" + GREETER);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().at("/reload/status").asText()).isEqualTo("reloaded");
        assertThat(answer()).contains("v1 Bonjour, hi");
    }

    @Test
    void a_reload_picks_up_a_new_version_of_the_jar_without_a_restart() {
        AgentJars.build(jar, Map.of(GREETER, greeter("v1")));
        assertThat(useAgent(jar + ":" + GREETER).status()).isEqualTo(200);
        assertThat(answer()).contains("v1 Bonjour");

        AgentJars.build(jar, Map.of(GREETER, greeter("v2")));
        Http.Response reload = http.patch(BASE, "{\"description\": \"second version\"}");

        assertThat(reload.status()).as(reload.body()).isEqualTo(200);
        assertThat(answer()).contains("v2 Bonjour").doesNotContain("v1");
    }

    @Test
    void runs_an_agent_class_from_the_server_classpath() {
        Http.Response response = http.patch(BASE, """
                {"baseEngineConfig": {"agent": {"type": "CUSTOM", "config": {"name": "Slow",
                 "agent_class": "dev.idun.server.SlowStreamingAgent", "deltas": 3, "delay_ms": 1}}}}""");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(answer().split("TEXT_MESSAGE_CONTENT", -1)).hasSize(4);
    }

    @Test
    void a_missing_jar_fails_the_reload_and_the_old_agent_keeps_answering() {
        assertRefused(dir.resolve("absent.jar") + ":" + GREETER, "does not exist");
    }

    @Test
    void a_class_not_in_the_jar_fails_the_reload_and_the_old_agent_keeps_answering() {
        AgentJars.build(jar, Map.of(GREETER, greeter("v1")));

        assertRefused(jar + ":com.acme.Missing", "com.acme.Missing was not found");
    }

    @Test
    void a_class_that_is_not_an_agent_fails_the_reload_and_the_old_agent_keeps_answering() {
        AgentJars.build(jar, Map.of("com.acme.Plain", "package com.acme; public class Plain {}"));

        assertRefused(jar + ":com.acme.Plain", "does not implement dev.idun.engine.agent.Agent");
    }

    @Test
    void a_constructor_that_throws_fails_the_reload_and_the_old_agent_keeps_answering() {
        AgentJars.build(jar, Map.of("com.acme.Broken", """
                package com.acme;
                public class Broken implements dev.idun.engine.agent.Agent {
                    public Broken() { throw new IllegalStateException("no licence key"); }
                    public void run(dev.idun.engine.agent.RunInput input, dev.idun.engine.agent.EventSink sink) {}
                }
                """));

        assertRefused(jar + ":com.acme.Broken", "no licence key");
    }

    @Test
    void a_class_without_a_usable_constructor_fails_the_reload() {
        AgentJars.build(jar, Map.of("com.acme.Picky", """
                package com.acme;
                public class Picky implements dev.idun.engine.agent.Agent {
                    public Picky(String name) {}
                    public void run(dev.idun.engine.agent.RunInput input, dev.idun.engine.agent.EventSink sink) {}
                }
                """));

        assertRefused(jar + ":com.acme.Picky", "needs a public constructor");
    }

    private void assertRefused(String agentClass, String reason) {
        Path good = dir.resolve("good.jar");
        AgentJars.build(good, Map.of(GREETER, greeter("v1")));
        assertThat(useAgent(good + ":" + GREETER).status()).isEqualTo(200);

        Http.Response failed = useAgent(agentClass);

        assertThat(failed.status()).as(failed.body()).isEqualTo(500);
        assertThat(failed.json().at("/error/code").asText()).isEqualTo("reload_failed");
        assertThat(failed.json().at("/error/details/reason").asText()).contains(reason);
        assertThat(http.get(BASE)
                        .json()
                        .at("/baseEngineConfig/agent/config/agent_class")
                        .asText())
                .isEqualTo(good + ":" + GREETER);
        assertThat(answer()).contains("v1 Bonjour, hi");
    }
}
