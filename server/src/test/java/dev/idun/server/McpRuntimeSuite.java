package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Json;
import dev.idun.engine.model.FakeModelServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MCP at run time, over real HTTP against real MCP servers (stdio in a child JVM, streamable HTTP on loopback): the
 * agent's tools, failures in runtime status, required servers, and the agent served as an MCP server on /mcp.
 */
abstract class McpRuntimeSuite {
    static final String SERVERS = "/admin/api/v1/mcp-servers";
    static final String STATUS = "/admin/api/v1/runtime/status";

    @TempDir
    Path dir;

    TestServer server;

    abstract String newDatabaseUrl(Path dir);

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(String agentYaml) throws IOException {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, agentYaml);
        server = TestServer.start(newDatabaseUrl(dir), config);
    }

    private void startEchoAgent() throws IOException {
        start("""
                agent:
                  type: LANGCHAIN4J
                  config: {name: Echo, model: {provider: echo}}
                """);
    }

    private Http.Response addServer(String name, ObjectNode mcpServer) {
        ObjectNode body = Json.object().put("name", name);
        body.set("mcpServer", mcpServer);
        return server.http.post(SERVERS, body.toString());
    }

    static ObjectNode streamable(String url) {
        ObjectNode node = Json.object()
                .put("name", "remote")
                .put("transport", "streamable_http")
                .put("url", url);
        node.putObject("headers").put("Authorization", McpTestServers.AUTHORIZATION);
        return node;
    }

    static ObjectNode stdio(String prefix) {
        ObjectNode node = Json.object()
                .put("name", "local")
                .put("transport", "stdio")
                .put("command", McpTestServers.javaCommand());
        List.of(
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        McpStdioTestServer.class.getName())
                .forEach(node.putArray("args")::add);
        node.putObject("env").put("MCP_TOOL_PREFIX", prefix);
        return node;
    }

    static ObjectNode unreachable() {
        return Json.object()
                .put("name", "gone")
                .put("transport", "streamable_http")
                .put("url", "http://127.0.0.1:" + McpTestServers.closedPort() + "/mcp");
    }

    private String run(String message) {
        Http.Response run = server.http.post(
                "/agent/run",
                "{\"threadId\": \"t-" + System.nanoTime() + "\", \"runId\": \"r\","
                        + " \"messages\": [{\"id\": \"m1\", \"role\": \"user\", \"content\": \"" + message + "\"}]}");
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        return run.body();
    }

    @Test
    void a_failing_server_is_listed_in_runtime_status_and_the_agent_runs_with_the_others() throws IOException {
        startEchoAgent();
        try (McpTestServers.Http remote = McpTestServers.Http.streamable()) {
            assertThat(addServer("Remote Tools", streamable(remote.url())).status())
                    .isEqualTo(201);
            assertThat(addServer("Local Tools", stdio("local_")).status()).isEqualTo(201);
            Http.Response broken = addServer("Broken Tools", unreachable());

            assertThat(broken.status()).as(broken.body()).isEqualTo(201);
            JsonNode status = server.http.get(STATUS).json();
            assertThat(status.get("mcpFailures")).singleElement().satisfies(failure -> {
                assertThat(failure.get("server").asText()).isEqualTo("Broken Tools");
                assertThat(failure.get("reason").asText()).contains("could not connect to 127.0.0.1");
            });
            assertThat(server.server.runtimes().current().mcpTools().tools())
                    .extracting(tool -> tool.name())
                    .containsExactlyInAnyOrder("get_time", "echo", "add", "local_get_time", "local_echo", "local_add");
            assertThat(run("hi")).contains("Echo: hi", "RUN_FINISHED");
        }
    }

    @Test
    void a_required_server_that_fails_fails_the_reload_and_the_old_runtime_keeps_serving() throws IOException {
        startEchoAgent();
        ObjectNode vital = unreachable().put("required", true);

        Http.Response response = addServer("Vital Tools", vital);

        assertThat(response.status()).as(response.body()).isEqualTo(500);
        assertThat(response.json().at("/error/code").asText()).isEqualTo("reload_failed");
        assertThat(response.body()).contains("MCP server 'Vital Tools' is required and failed");
        assertThat(server.http.get(SERVERS).json()).isEmpty();
        assertThat(run("still here")).contains("Echo: still here");
    }

    @Test
    void the_model_calls_an_mcp_tool_and_the_run_streams_the_call_and_its_result() throws IOException {
        try (FakeModelServer model = new FakeModelServer();
                McpTestServers.Http remote = McpTestServers.Http.streamable()) {
            model.reply(FakeModelServer.openAi(
                    "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":"
                            + "[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_7\",\"type\":"
                            + "\"function\",\"function\":{\"name\":\"get_time\",\"arguments\":\"{}\"}}]},"
                            + "\"finish_reason\":null}]}",
                    "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":"
                            + "[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}"));
            model.reply(FakeModelServer.openAi(
                    "{\"id\":\"c2\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":"
                            + "[{\"index\":0,\"delta\":{\"content\":\"It is noon.\"},\"finish_reason\":null}]}",
                    "{\"id\":\"c2\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":"
                            + "[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"));
            start("""
                    agent:
                      type: LANGCHAIN4J
                      config:
                        name: Clock
                        model: {provider: openai, name: m, base_url: %s/v1, api_key: sk-test}
                    """.formatted(model.baseUrl()));
            assertThat(addServer("Remote Tools", streamable(remote.url())).status())
                    .isEqualTo(201);

            String events = run("What time is it?");

            assertThat(events)
                    .containsSubsequence(
                            "\"TOOL_CALL_START\"",
                            "\"toolCallName\":\"get_time\"",
                            "\"TOOL_CALL_ARGS\"",
                            "\"TOOL_CALL_END\"",
                            "\"TOOL_CALL_RESULT\"",
                            "\"content\":\"get_time\"",
                            "It is noon.",
                            "RUN_FINISHED");
            JsonNode offered = model.requests().get(0).body().path("tools");
            assertThat(offered.findValuesAsText("name")).contains("get_time", "echo", "add");
            JsonNode second = model.requests().get(1).body().path("messages");
            assertThat(second.get(second.size() - 1).path("role").asText()).isEqualTo("tool");
            assertThat(second.get(second.size() - 1).path("content").asText()).isEqualTo("get_time");
        }
    }

    @Test
    void the_agent_answers_as_an_mcp_server_to_the_sdk_client() throws IOException {
        startEchoAgent();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(
                        "http://127.0.0.1:" + server.server.port())
                .endpoint("/mcp")
                .build();
        try (McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(30))
                .initializationTimeout(Duration.ofSeconds(30))
                .build()) {
            McpSchema.InitializeResult init = client.initialize();
            assertThat(init.serverInfo().name()).isEqualTo("idun");

            McpSchema.ListToolsResult tools = client.listTools();
            assertThat(tools.tools()).singleElement().satisfies(tool -> {
                assertThat(tool.name()).isEqualTo("ask");
                assertThat(tool.inputSchema().get("required")).isEqualTo(List.of("message"));
            });

            McpSchema.CallToolResult answer = client.callTool(
                    new McpSchema.CallToolRequest("ask", Map.of("message", "hello", "thread_id", "mcp-1")));
            assertThat(answer.isError()).isFalse();
            assertThat(((McpSchema.TextContent) answer.content().get(0)).text()).isEqualTo("Echo: hello");
            assertThat(server.http.get("/agent/sessions/mcp-1").body()).contains("hello", "Echo: hello");
        }
    }

    @Test
    void a_bad_mcp_request_gets_a_json_rpc_error() throws IOException {
        startEchoAgent();

        Http.Response unknown =
                server.http.post("/mcp", "{\"jsonrpc\": \"2.0\", \"id\": 3, \"method\": \"resources/list\"}");
        Http.Response noMessage = server.http.post(
                "/mcp",
                "{\"jsonrpc\": \"2.0\", \"id\": 4, \"method\": \"tools/call\", \"params\": {\"name\": \"ask\"}}");
        Http.Response notification =
                server.http.post("/mcp", "{\"jsonrpc\": \"2.0\", \"method\": \"notifications/initialized\"}");

        assertThat(unknown.json().at("/error/code").asInt()).isEqualTo(-32601);
        assertThat(unknown.json().get("id").asInt()).isEqualTo(3);
        assertThat(noMessage.json().at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(notification.status()).isEqualTo(202);
        assertThat(server.http.get("/mcp").status()).isEqualTo(405);
        assertThat(server.http.post("/mcp", "not json").status()).isEqualTo(400);
    }
}
