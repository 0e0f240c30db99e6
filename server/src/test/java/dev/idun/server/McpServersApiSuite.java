package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Json;
import dev.idun.config.Named;
import dev.idun.config.mcp.McpServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MCP servers admin API and its tool discovery, over real HTTP, against one kind of database. */
abstract class McpServersApiSuite {
    static final String BASE = "/admin/api/v1/mcp-servers";
    static final String TIME_SERVER = """
            {"name": "Time Server", "mcpServer": {"name": "time", "transport": "stdio", "command": "docker",
             "args": ["run", "-i", "--rm", "mcp/time"]}}""";
    static final String MISSING = "00000000-0000-4000-8000-000000000000";

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

    JsonNode create(String body) {
        Http.Response response = http.post(BASE, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("data");
    }

    JsonNode createServer(String name, ObjectNode mcpServer) {
        ObjectNode body = Json.object().put("name", name);
        body.set("mcpServer", mcpServer);
        return create(body.toString());
    }

    JsonNode tools(String id) {
        Http.Response response = http.post(BASE + "/" + id + "/tools", "");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    List<Named<McpServerConfig>> live() {
        return server.server.runtimes().current().config().mcpServers();
    }

    static ObjectNode stdio(String command, String... args) {
        ObjectNode node =
                Json.object().put("name", "local").put("transport", "stdio").put("command", command);
        List.of(args).forEach(node.putArray("args")::add);
        return node;
    }

    static ObjectNode http(String transport, String url) {
        ObjectNode node =
                Json.object().put("name", "remote").put("transport", transport).put("url", url);
        node.putObject("headers").put("Authorization", McpTestServers.AUTHORIZATION);
        return node;
    }

    @Test
    void lists_nothing_on_a_fresh_server() {
        Http.Response response = http.get(BASE);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().isArray()).isTrue();
        assertThat(response.json()).isEmpty();
    }

    @Test
    void creates_a_server_shows_every_field_and_applies_it_with_one_reload() {
        int builds = server.builder.builds();

        Http.Response response = http.post(BASE, TIME_SERVER);

        assertThat(response.status()).isEqualTo(201);
        JsonNode data = response.json().get("data");
        assertThat(data.get("id").asText()).hasSize(36);
        assertThat(data.get("slug").asText()).isEqualTo("time-server");
        assertThat(data.get("name").asText()).isEqualTo("Time Server");
        assertThat(data.get("enabled").asBoolean()).isTrue();
        assertThat(data.get("mcpServer")).isEqualTo(Json.parse("""
                        {"name":"time","transport":"stdio","url":null,"command":"docker",
                         "args":["run","-i","--rm","mcp/time"],"headers":{},"env":{},"cwd":null,"encoding":null,
                         "encodingErrorHandler":null,"timeoutSeconds":null,"sseReadTimeoutSeconds":null,
                         "terminateOnClose":null,"sessionKwargs":{},"required":false}"""));
        assertThat(data.get("createdAt").asText()).endsWith("Z");
        assertThat(data.get("updatedAt").asText()).endsWith("Z");
        assertThat(response.json().get("reload"))
                .isEqualTo(Json.parse("{\"status\":\"reloaded\",\"message\":\"Saved and reloaded.\",\"error\":null}"));
        assertThat(server.builder.builds()).isEqualTo(builds + 1);
        assertThat(live()).singleElement().satisfies(item -> {
            assertThat(item.slug()).isEqualTo("time-server");
            assertThat(item.config().command()).isEqualTo("docker");
        });
        assertThat(CliRunner.exportYaml(server.databaseUrl))
                .contains("mcp_servers:", "display_name: Time Server", "slug: time-server", "command: docker");
    }

    @Test
    void numbers_colliding_slugs_and_keeps_a_slug_on_rename() {
        String first = create(TIME_SERVER).get("id").asText();
        assertThat(create(TIME_SERVER).get("slug").asText()).isEqualTo("time-server-2");
        assertThat(create(TIME_SERVER.replace("Time Server", "Café Münster"))
                        .get("slug")
                        .asText())
                .isEqualTo("cafe-munster");

        Http.Response renamed = http.patch(BASE + "/" + first, "{\"name\": \"Clock\"}");

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().at("/data/name").asText()).isEqualTo("Clock");
        assertThat(renamed.json().at("/data/slug").asText()).isEqualTo("time-server");
        List<String> order = new ArrayList<>();
        http.get(BASE).json().forEach(item -> order.add(item.get("slug").asText()));
        assertThat(order).containsExactly("time-server", "time-server-2", "cafe-munster");
    }

    @Test
    void gets_one_server_and_answers_404_or_422_for_bad_ids() {
        String id = create(TIME_SERVER).get("id").asText();

        assertThat(http.get(BASE + "/" + id).json().get("id").asText()).isEqualTo(id);

        Http.Response missing = http.get(BASE + "/" + MISSING);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/error/code").asText()).isEqualTo("not_found");
        assertThat(missing.json().at("/error/message").asText()).isEqualTo("No MCP server with id " + MISSING + ".");
        for (Http.Response invalid : List.of(
                http.get(BASE + "/not-a-uuid"),
                http.patch(BASE + "/not-a-uuid", "{}"),
                http.delete(BASE + "/not-a-uuid"),
                http.post(BASE + "/not-a-uuid/tools", ""))) {
            assertThat(invalid.status()).isEqualTo(422);
            assertThat(invalid.json().at("/error/fieldErrors/0/field").asText()).isEqualTo("path.mcp_id");
            assertThat(invalid.json().at("/error/fieldErrors/0/code").asText()).isEqualTo("uuid_parsing");
        }
        assertThat(http.patch(BASE + "/" + MISSING, "{\"enabled\": false}").status())
                .isEqualTo(404);
        assertThat(http.delete(BASE + "/" + MISSING).status()).isEqualTo(404);
        assertThat(http.post(BASE + "/" + MISSING + "/tools", "").status()).isEqualTo(404);
    }

    @Test
    void toggling_enabled_keeps_the_slug_and_reloads_once() {
        String id = create(TIME_SERVER).get("id").asText();
        int builds = server.builder.builds();

        Http.Response response = http.patch(BASE + "/" + id, "{\"enabled\": false}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/data/enabled").asBoolean()).isFalse();
        assertThat(response.json().at("/data/slug").asText()).isEqualTo("time-server");
        assertThat(response.json().at("/reload/status").asText()).isEqualTo("reloaded");
        assertThat(server.builder.builds()).isEqualTo(builds + 1);
        assertThat(live())
                .singleElement()
                .satisfies(item -> assertThat(item.enabled()).isFalse());
    }

    @Test
    void an_empty_patch_changes_nothing_and_does_not_reload() {
        String id = create(TIME_SERVER).get("id").asText();
        int builds = server.builder.builds();

        Http.Response response = http.patch(BASE + "/" + id, "{}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/reload/message").asText()).isEqualTo("No changes.");
        assertThat(response.json().at("/data/id").asText()).isEqualTo(id);
        assertThat(server.builder.builds()).isEqualTo(builds);
    }

    @Test
    void patch_replaces_the_server_config_wholesale() {
        ObjectNode first = stdio("docker", "run", "mcp/time");
        first.putObject("env").put("TZ", "Europe/Paris");
        first.put("cwd", "/srv");
        String id = createServer("Clock", first).get("id").asText();

        Http.Response response = http.patch(BASE + "/" + id, "{\"mcpServer\": " + http("sse", "http://h/sse") + "}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode mcp = response.json().at("/data/mcpServer");
        assertThat(mcp.get("transport").asText()).isEqualTo("sse");
        assertThat(mcp.get("env")).isEmpty();
        assertThat(mcp.get("cwd").isNull()).isTrue();
        assertThat(mcp.get("command").isNull()).isTrue();
        assertThat(live()).singleElement().satisfies(item -> {
            assertThat(item.config().url()).isEqualTo("http://h/sse");
            assertThat(item.config().env()).isEmpty();
        });
    }

    @Test
    void rejects_nulls_bad_names_and_invalid_server_configs() {
        String id = create(TIME_SERVER).get("id").asText();
        for (String field : List.of("name", "enabled", "mcpServer")) {
            Http.Response nulled = http.patch(BASE + "/" + id, "{\"" + field + "\": null}");
            assertThat(nulled.status()).isEqualTo(422);
            assertThat(nulled.json().at("/error/fieldErrors/0/field").asText()).isEqualTo(field);
            assertThat(nulled.json().at("/error/fieldErrors/0/message").asText())
                    .isEqualTo(field + " cannot be null");
        }
        assertThat(http.patch(BASE + "/" + id, "not json").status()).isEqualTo(422);

        Http.Response badName = http.post(BASE, TIME_SERVER.replace("Time Server", "!!!"));
        assertThat(badName.status()).isEqualTo(422);
        assertThat(badName.json().at("/error/message").asText())
                .isEqualTo("Cannot derive a slug from the provided name.");
        assertThat(badName.json().at("/error/fieldErrors/0/field").asText()).isEqualTo("name");

        assertThat(fields(http.post(
                        BASE, "{\"name\": \"X\", \"mcpServer\": {\"name\": \"x\", \"transport\":" + " \"stdio\"}}")))
                .containsExactly("mcpServer.command", "mcpServer.args");
        assertThat(fields(http.post(BASE, "{\"name\": \"X\", \"mcpServer\": {\"name\": \"x\"}}")))
                .containsExactly("mcpServer.url");
        assertThat(fields(http.post(
                        BASE,
                        "{\"name\": \"X\", \"mcpServer\": {\"name\": \"x\", \"transport\":"
                                + " \"carrier-pigeon\", \"url\": \"http://h\"}}")))
                .containsExactly("mcpServer.transport");
        assertThat(fields(http.post(BASE, "{\"name\": \"X\"}"))).containsExactly("mcpServer");
        assertThat(fields(http.patch(BASE + "/" + id, "{\"mcpServer\": {\"transport\": \"sse\"}}")))
                .containsExactly("mcpServer.name", "mcpServer.url");
        assertThat(http.get(BASE).json()).hasSize(1);
    }

    List<String> fields(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().at("/error/code").asText()).isEqualTo("validation_failed");
        List<String> fields = new ArrayList<>();
        response.json()
                .at("/error/fieldErrors")
                .forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    @Test
    void deletes_a_server() {
        String id = create(TIME_SERVER).get("id").asText();

        Http.Response deleted = http.delete(BASE + "/" + id);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("data")).isEqualTo(Json.parse("{\"id\": \"" + id + "\", \"deleted\": true}"));
        assertThat(deleted.json().at("/reload/status").asText()).isEqualTo("reloaded");
        assertThat(http.get(BASE + "/" + id).status()).isEqualTo(404);
        assertThat(http.delete(BASE + "/" + id).status()).isEqualTo(404);
        assertThat(live()).isEmpty();
    }

    @Test
    void a_failed_reload_rolls_back_and_keeps_the_old_config() {
        server.builder.failWith("mcp boom");

        Http.Response failed = http.post(BASE, TIME_SERVER);

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.json().at("/error/code").asText()).isEqualTo("reload_failed");
        assertThat(failed.json().at("/error/details/recovered").asBoolean()).isTrue();
        assertThat(http.get(BASE).json()).isEmpty();
        assertThat(live()).isEmpty();

        server.builder.succeed();
        String id = create(TIME_SERVER).get("id").asText();
        server.builder.failWith("mcp boom");
        assertThat(http.patch(BASE + "/" + id, "{\"name\": \"Other\"}").status())
                .isEqualTo(500);
        assertThat(http.delete(BASE + "/" + id).status()).isEqualTo(500);
        assertThat(http.get(BASE + "/" + id).json().get("name").asText()).isEqualTo("Time Server");
        assertThat(live()).hasSize(1);
    }

    @Test
    void env_and_header_values_are_masked_and_a_masked_value_sent_back_keeps_the_secret() {
        ObjectNode config = http("streamable_http", "http://127.0.0.1:1/mcp");
        ((ObjectNode) config.get("headers")).put("X-Api-Key", "header-secret-9876");
        config.putObject("env").put("API_KEY", "env-secret-1234");
        JsonNode created = createServer("Remote", config);
        String id = created.get("id").asText();
        assertThat(created.at("/mcpServer/headers/Authorization").asText()).isEqualTo("••••n-42");
        assertThat(created.at("/mcpServer/headers/X-Api-Key").asText()).isEqualTo("••••9876");
        assertThat(created.at("/mcpServer/env/API_KEY").asText()).isEqualTo("••••1234");
        assertThat(http.get(BASE).body()).doesNotContain("header-secret-9876", "env-secret-1234", "token-42");

        JsonNode echoed = http.get(BASE + "/" + id).json().get("mcpServer");
        ((ObjectNode) echoed).put("timeoutSeconds", 12.5);
        Http.Response saved = http.patch(BASE + "/" + id, "{\"mcpServer\": " + echoed + "}");

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().at("/data/mcpServer/timeoutSeconds").asDouble()).isEqualTo(12.5);
        assertThat(live()).singleElement().satisfies(item -> {
            assertThat(item.config().env()).containsEntry("API_KEY", "env-secret-1234");
            assertThat(item.config().headers()).containsEntry("X-Api-Key", "header-secret-9876");
        });
        assertThat(CliRunner.exportYaml(server.databaseUrl)).contains("env-secret-1234", "header-secret-9876");

        ((ObjectNode) echoed.get("env")).put("API_KEY", "••••zzzz");
        Http.Response wrongMask = http.patch(BASE + "/" + id, "{\"mcpServer\": " + echoed + "}");
        assertThat(fields(wrongMask)).containsExactly("mcpServer.env.API_KEY");
        assertThat(wrongMask.json().at("/error/fieldErrors/0/code").asText()).isEqualTo("masked_secret");
        assertThat(fields(http.post(BASE, "{\"name\": \"Y\", \"mcpServer\": " + echoed + "}")))
                .contains("mcpServer.env.API_KEY");
    }

    @Test
    void lists_the_tools_of_a_streamable_http_server() {
        try (McpTestServers.Http mcp = McpTestServers.Http.streamable()) {
            String id = createServer("Remote", http("streamable_http", mcp.url()))
                    .get("id")
                    .asText();

            assertThat(tools(id)).isEqualTo(Json.parse("""
                            {"ok": true, "details": {"name": "remote", "transport": "streamable_http",
                             "tools": ["add", "echo", "get_time"], "toolCount": 3}, "error": null}"""));
        }
    }

    @Test
    void lists_the_tools_of_an_sse_server() {
        try (McpTestServers.Http mcp = McpTestServers.Http.sse()) {
            String id = createServer("Remote", http("sse", mcp.url())).get("id").asText();

            JsonNode check = tools(id);

            assertThat(check.get("ok").asBoolean()).as(check.toString()).isTrue();
            assertThat(check.at("/details/tools"))
                    .isEqualTo(Json.parse("[\"sse_add\", \"sse_echo\", \"sse_get_time\"]"));
            assertThat(check.at("/details/transport").asText()).isEqualTo("sse");
        }
    }

    @Test
    void lists_the_tools_of_a_stdio_server_run_with_its_env() {
        ObjectNode config = stdio(
                McpTestServers.javaCommand(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                McpStdioTestServer.class.getName());
        config.putObject("env").put("MCP_TOOL_PREFIX", "local_");
        // disabled, so that the runtime does not start a second child JVM next to the probe's on a busy machine
        ObjectNode body = Json.object().put("name", "Local").put("enabled", false);
        body.set("mcpServer", config);
        String id = create(body.toString()).get("id").asText();

        JsonNode check = tools(id);

        assertThat(check.get("ok").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.get("details")).isEqualTo(Json.parse("""
                        {"name": "local", "transport": "stdio",
                         "tools": ["local_add", "local_echo", "local_get_time"], "toolCount": 3}"""));
        assertThat(check.get("error").isNull()).isTrue();
    }

    @Test
    void a_wrong_credential_fails_without_revealing_the_secret() {
        try (McpTestServers.Http mcp = McpTestServers.Http.streamable()) {
            ObjectNode config = http("streamable_http", mcp.url());
            ((ObjectNode) config.get("headers")).put("Authorization", "Bearer wrong-secret-value");
            String id = createServer("Remote", config).get("id").asText();

            JsonNode check = tools(id);

            assertThat(check.get("ok").asBoolean()).isFalse();
            assertThat(check.get("details").isNull()).isTrue();
            assertThat(check.get("error").asText()).isNotBlank().doesNotContain("wrong-secret-value", "\n", "\tat ");
        }
    }

    @Test
    void unreachable_servers_and_dead_commands_fail_as_a_check_not_as_an_error() {
        List<ObjectNode> configs = List.of(
                http("streamable_http", "http://127.0.0.1:" + McpTestServers.closedPort() + "/mcp"),
                http("sse", "http://127.0.0.1:" + McpTestServers.closedPort() + "/sse"),
                stdio(McpTestServers.javaCommand(), "-version"),
                stdio(dir.resolve("no-such-command").toString(), "serve"),
                http("websocket", "ws://127.0.0.1:1/ws"));
        List<String> errors = new ArrayList<>();
        for (ObjectNode config : configs) {
            String id = createServer("Broken", config).get("id").asText();
            long started = System.nanoTime();

            JsonNode check = tools(id);

            assertThat(System.nanoTime() - started).isLessThan(8_000_000_000L);
            assertThat(check.get("ok").asBoolean()).as(check.toString()).isFalse();
            assertThat(check.get("details").isNull()).isTrue();
            assertThat(check.get("error").asText()).isNotBlank().doesNotContain("\n", "\tat ", "token-42");
            errors.add(check.get("error").asText());
        }
        assertThat(errors.get(4)).isEqualTo("websocket transport is not supported");
    }
}
