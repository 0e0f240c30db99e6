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

/** LANGGRAPH agents: LangGraph4j graphs from jars built at test time, run and reloaded over real HTTP. */
abstract class LangGraphAgentsSuite {
    static final String BASE = "/admin/api/v1/agent";
    static final String RUN_BODY = "{\"threadId\":\"t-7\",\"runId\":\"r-1\","
            + "\"messages\":[{\"id\":\"m-1\",\"role\":\"user\",\"content\":\"hi\"}]}";
    static final String GRAPHS = "com.acme.Graphs";

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
        jar = dir.resolve("graphs.jar");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String graphs(String version) {
        return """
                package com.acme;

                import static org.bsc.langgraph4j.action.AsyncNodeAction.node_async;

                import java.util.*;
                import org.bsc.langgraph4j.*;
                import org.bsc.langgraph4j.state.AgentState;

                public class Graphs {
                    public static StateGraph<AgentState> build() throws Exception {
                        return new StateGraph<AgentState>(AgentState::new)
                                .addNode("think", node_async(s -> Map.of("thought", "ok")))
                                .addNode("answer", node_async(s -> {
                                    List<Object> messages = new ArrayList<>(s.<List<Object>>value("messages").orElseThrow());
                                    Map<?, ?> last = (Map<?, ?>) messages.get(messages.size() - 1);
                                    messages.add(Map.of("role", "assistant", "content",
                                            "%s graph heard " + last.get("content") + " on " + s.value("thread_id").orElse("")));
                                    return Map.of("messages", messages);
                                }))
                                .addEdge(StateGraph.START, "think")
                                .addEdge("think", "answer")
                                .addEdge("answer", StateGraph.END);
                    }

                    public static StateGraph<AgentState> counting() throws Exception {
                        return new StateGraph<AgentState>(AgentState::new)
                                .addNode("count", node_async(s -> {
                                    int turns = s.<Number>value("turns").map(Number::intValue).orElse(0) + 1;
                                    List<Object> messages = new ArrayList<>(s.<List<Object>>value("messages").orElseThrow());
                                    messages.add(Map.of("role", "assistant", "content", "turn " + turns));
                                    return Map.of("messages", messages, "turns", turns);
                                }))
                                .addEdge(StateGraph.START, "count")
                                .addEdge("count", StateGraph.END);
                    }

                    public static CompiledGraph<AgentState> compiled() throws Exception {
                        return build().compile();
                    }

                    public static String notAGraph() {
                        return "graph";
                    }

                    public static StateGraph<AgentState> broken() {
                        throw new IllegalStateException("no model configured");
                    }

                    public static StateGraph<AgentState> dangling() throws Exception {
                        return new StateGraph<AgentState>(AgentState::new)
                                .addNode("lonely", node_async(s -> Map.of()))
                                .addEdge(StateGraph.START, "missing");
                    }
                }
                """.formatted(version);
    }

    Http.Response useGraph(String definition) {
        return http.patch(BASE, """
                {"baseEngineConfig": {"agent": {"type": "LANGGRAPH",
                 "config": {"name": "Graph", "graph_definition": %s}}}}""".formatted(Json.write(TextNode.valueOf(definition))));
    }

    private int sentMessages;

    String answer() {
        // a new message each time: a resent message id would be the same turn again, not a new question
        Http.Response run = http.post("/agent/run", RUN_BODY.replace("m-1", "m-" + (++sentMessages)));
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.body()).contains("RUN_FINISHED").doesNotContain("RUN_ERROR");
        return run.body();
    }

    @Test
    void runs_a_graph_from_a_jar_and_streams_its_steps_and_answer() {
        AgentJars.build(jar, Map.of(GRAPHS, graphs("v1")));

        Http.Response response = useGraph(jar + ":" + GRAPHS + "::build");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        String body = answer();
        assertThat(body)
                .contains("\"type\":\"STEP_STARTED\"", "\"stepName\":\"think\"", "\"stepName\":\"answer\"")
                .contains("\"type\":\"STEP_FINISHED\"")
                .contains("v1 graph heard hi on t-7");
        assertThat(body.indexOf("\"stepName\":\"think\"")).isLessThan(body.indexOf("\"stepName\":\"answer\""));
        assertThat(body.split("TEXT_MESSAGE_CONTENT", -1)).hasSize(2);
    }

    @Test
    void the_graph_state_carries_over_to_the_next_run_of_the_thread_and_survives_a_restart() {
        AgentJars.build(jar, Map.of(GRAPHS, graphs("v1")));
        assertThat(useGraph(jar + ":" + GRAPHS + "::counting").status()).isEqualTo(200);

        String first = answer();
        assertThat(first)
                .contains("turn 1")
                .containsSubsequence("\"type\":\"STATE_SNAPSHOT\"", "\"snapshot\":{\"turns\":1}", "RUN_FINISHED");
        assertThat(answer()).contains("turn 2");

        server.close();
        server = TestServer.start(server.databaseUrl, dir.resolve("absent.yaml"));
        http = server.http;
        assertThat(answer()).contains("turn 3");

        Http.Response otherThread = http.post("/agent/run", RUN_BODY.replace("t-7", "t-8"));
        assertThat(otherThread.body()).contains("turn 1");
        Http.Response clientState = http.post(
                "/agent/run",
                RUN_BODY.replace("m-1", "m-99").replace("\"messages\"", "\"state\": {\"turns\": 40}, \"messages\""));
        assertThat(clientState.body()).as("a state the client sends wins").contains("turn 41");
    }

    @Test
    void accepts_a_method_returning_a_compiled_graph() {
        AgentJars.build(jar, Map.of(GRAPHS, graphs("v1")));

        assertThat(useGraph(jar + ":" + GRAPHS + "::compiled").status()).isEqualTo(200);
        assertThat(answer()).contains("v1 graph heard hi");
    }

    @Test
    void a_reload_picks_up_a_new_version_of_the_graph_jar_without_a_restart() {
        AgentJars.build(jar, Map.of(GRAPHS, graphs("v1")));
        assertThat(useGraph(jar + ":" + GRAPHS + "::build").status()).isEqualTo(200);
        assertThat(answer()).contains("v1 graph heard");

        AgentJars.build(jar, Map.of(GRAPHS, graphs("v2")));
        Http.Response reload = http.patch(BASE, "{\"description\": \"second version\"}");

        assertThat(reload.status()).as(reload.body()).isEqualTo(200);
        assertThat(answer()).contains("v2 graph heard").doesNotContain("v1");
    }

    @Test
    void a_missing_method_fails_the_reload_and_the_old_graph_keeps_answering() {
        assertRefused("::absent", "com.acme.Graphs::absent (public, no arguments) was not found");
    }

    @Test
    void a_method_returning_something_else_fails_the_reload() {
        assertRefused("::notAGraph", "returned java.lang.String; it must return a StateGraph or a CompiledGraph");
    }

    @Test
    void a_method_that_throws_fails_the_reload() {
        assertRefused("::broken", "no model configured");
    }

    @Test
    void a_graph_that_does_not_compile_fails_the_reload() {
        assertRefused("::dangling", "does not compile");
    }

    @Test
    void a_missing_jar_fails_the_reload() {
        Path good = dir.resolve("good.jar");
        AgentJars.build(good, Map.of(GRAPHS, graphs("v1")));
        assertThat(useGraph(good + ":" + GRAPHS + "::build").status()).isEqualTo(200);

        Http.Response failed = useGraph(dir.resolve("absent.jar") + ":" + GRAPHS + "::build");

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.json().at("/error/details/reason").asText()).contains("does not exist");
        assertThat(answer()).contains("v1 graph heard");
    }

    private void assertRefused(String method, String reason) {
        Path good = dir.resolve("good.jar");
        AgentJars.build(good, Map.of(GRAPHS, graphs("v1")));
        assertThat(useGraph(good + ":" + GRAPHS + "::build").status()).isEqualTo(200);
        AgentJars.build(jar, Map.of(GRAPHS, graphs("v2")));

        Http.Response failed = useGraph(jar + ":" + GRAPHS + method);

        assertThat(failed.status()).as(failed.body()).isEqualTo(500);
        assertThat(failed.json().at("/error/code").asText()).isEqualTo("reload_failed");
        assertThat(failed.json().at("/error/details/reason").asText()).contains(reason);
        assertThat(answer()).contains("v1 graph heard hi");
    }
}
