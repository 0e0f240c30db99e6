package dev.idun.config.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.idun.config.Casing;
import dev.idun.config.FieldError;
import dev.idun.config.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class McpServerConfigTest {
    private static McpServerConfig readValid(String json) {
        List<FieldError> errors = new ArrayList<>();
        McpServerConfig config = McpServerConfig.read(Json.parse(json), "mcpServer", errors);
        assertThat(errors).isEmpty();
        assertThat(config).isNotNull();
        return config;
    }

    private static List<FieldError> errorsOf(String json) {
        List<FieldError> errors = new ArrayList<>();
        assertThat(McpServerConfig.read(Json.parse(json), "mcpServer", errors)).isNull();
        return errors;
    }

    @Test
    void reads_a_stdio_server_with_command_and_args() {
        McpServerConfig config = readValid("""
                {"name": "time", "transport": "stdio", "command": "docker", "args": ["run", "-i", "--rm", "mcp/time"]}
                """);

        assertThat(config.name()).isEqualTo("time");
        assertThat(config.transport()).isEqualTo("stdio");
        assertThat(config.command()).isEqualTo("docker");
        assertThat(config.args()).containsExactly("run", "-i", "--rm", "mcp/time");
        assertThat(config.url()).isNull();
    }

    @Test
    void defaults_to_streamable_http_with_empty_maps_and_no_options() {
        McpServerConfig config = readValid("{\"name\": \"docs\", \"url\": \"http://localhost:9000/mcp\"}");

        assertThat(config.transport()).isEqualTo("streamable_http");
        assertThat(config.args()).isEmpty();
        assertThat(config.headers()).isEmpty();
        assertThat(config.env()).isEmpty();
        assertThat(config.sessionKwargs()).isEqualTo(Json.object());
        assertThat(config.cwd()).isNull();
        assertThat(config.encoding()).isNull();
        assertThat(config.encodingErrorHandler()).isNull();
        assertThat(config.timeoutSeconds()).isNull();
        assertThat(config.sseReadTimeoutSeconds()).isNull();
        assertThat(config.terminateOnClose()).isNull();
    }

    @Test
    void rejects_a_stdio_server_without_command() {
        assertThat(errorsOf("{\"name\": \"t\", \"transport\": \"stdio\", \"args\": [\"x\"]}"))
                .containsExactly(FieldError.invalid("mcpServer.command", "command is required for stdio transport"));
    }

    @Test
    void rejects_a_stdio_server_with_empty_args() {
        assertThat(errorsOf("{\"name\": \"t\", \"transport\": \"stdio\", \"command\": \"npx\", \"args\": []}"))
                .containsExactly(FieldError.invalid("mcpServer.args", "args is required for stdio transport"));
    }

    @Test
    void reports_missing_command_and_args_of_a_stdio_server_together() {
        assertThat(errorsOf("{\"name\": \"t\", \"transport\": \"stdio\", \"command\": \" \"}"))
                .extracting(FieldError::field)
                .containsExactly("mcpServer.command", "mcpServer.args");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sse", "streamable_http", "websocket"})
    void rejects_a_network_server_without_url(String transport) {
        assertThat(errorsOf("{\"name\": \"t\", \"transport\": \"" + transport + "\"}"))
                .containsExactly(
                        FieldError.invalid("mcpServer.url", "url is required for transport '" + transport + "'"));
    }

    @Test
    void rejects_a_blank_url() {
        assertThat(errorsOf("{\"name\": \"t\", \"url\": \"  \"}"))
                .extracting(FieldError::field)
                .containsExactly("mcpServer.url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sse", "streamable_http", "websocket"})
    void accepts_a_network_server_with_url(String transport) {
        McpServerConfig config =
                readValid("{\"name\": \"t\", \"transport\": \"" + transport + "\", \"url\": \"http://h/mcp\"}");

        assertThat(config.transport()).isEqualTo(transport);
    }

    @Test
    void rejects_an_unknown_transport() {
        assertThat(errorsOf("{\"name\": \"t\", \"transport\": \"grpc\", \"url\": \"http://h\"}"))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("mcpServer.transport", "literal_error"));
    }

    @Test
    void requires_a_name() {
        assertThat(errorsOf("{\"url\": \"http://h/mcp\"}"))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("mcpServer.name", "missing"));
    }

    @Test
    void rejects_an_unknown_encoding_error_handler() {
        assertThat(errorsOf("""
                        {"name": "t", "transport": "stdio", "command": "c", "args": ["a"],
                         "encodingErrorHandler": "skip"}
                        """))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("mcpServer.encodingErrorHandler", "literal_error"));
    }

    @Test
    void reports_header_and_arg_values_that_are_not_strings_with_their_paths() {
        assertThat(errorsOf("""
                        {"name": "t", "url": "http://h", "headers": {"X-Retries": 3}, "args": ["ok", 7]}
                        """))
                .extracting(FieldError::field, FieldError::code)
                .containsExactlyInAnyOrder(
                        tuple("mcpServer.headers.X-Retries", "string_type"), tuple("mcpServer.args.1", "string_type"));
    }

    @Test
    void reads_every_option_in_snake_case_like_in_camel_case() {
        McpServerConfig snake = readValid("""
                {"name": "fs", "transport": "stdio", "command": "npx", "args": ["-y", "server-fs"],
                 "env": {"ROOT": "/data"}, "cwd": "/srv", "encoding": "utf-8", "encoding_error_handler": "replace",
                 "timeout_seconds": 12.5, "sse_read_timeout_seconds": 300, "terminate_on_close": false,
                 "session_kwargs": {"read_timeout_seconds": 10}}
                """);
        McpServerConfig camel = readValid("""
                {"name": "fs", "transport": "stdio", "command": "npx", "args": ["-y", "server-fs"],
                 "env": {"ROOT": "/data"}, "cwd": "/srv", "encoding": "utf-8", "encodingErrorHandler": "replace",
                 "timeoutSeconds": 12.5, "sseReadTimeoutSeconds": 300, "terminateOnClose": false,
                 "sessionKwargs": {"read_timeout_seconds": 10}}
                """);

        assertThat(snake).isEqualTo(camel);
        assertThat(snake.env()).isEqualTo(Map.of("ROOT", "/data"));
        assertThat(snake.encodingErrorHandler()).isEqualTo("replace");
        assertThat(snake.timeoutSeconds()).isEqualTo(12.5);
        assertThat(snake.sseReadTimeoutSeconds()).isEqualTo(300.0);
        assertThat(snake.terminateOnClose()).isFalse();
        assertThat(snake.sessionKwargs().path("read_timeout_seconds").asInt()).isEqualTo(10);
    }

    @Test
    void camel_case_output_includes_nulls_and_empty_collections() {
        McpServerConfig config = readValid("""
                {"name": "time", "transport": "stdio", "command": "docker", "args": ["run", "mcp/time"]}
                """);

        assertThat(config.toJson(Casing.CAMEL)).isEqualTo(Json.parse("""
                        {"name": "time", "transport": "stdio", "url": null, "command": "docker",
                         "args": ["run", "mcp/time"], "headers": {}, "env": {}, "cwd": null, "encoding": null,
                         "encodingErrorHandler": null, "timeoutSeconds": null, "sseReadTimeoutSeconds": null,
                         "terminateOnClose": null, "sessionKwargs": {},
                         "required": false}
                        """));
    }

    @Test
    void snake_case_output_omits_nulls() {
        McpServerConfig config = readValid("""
                {"name": "docs", "url": "http://h/mcp", "headers": {"Authorization": "Bearer x"},
                 "timeoutSeconds": 30, "terminateOnClose": true}
                """);

        assertThat(config.toJson(Casing.SNAKE)).isEqualTo(Json.parse("""
                        {"name": "docs", "transport": "streamable_http", "url": "http://h/mcp", "args": [],
                         "headers": {"Authorization": "Bearer x"}, "env": {}, "timeout_seconds": 30.0,
                         "terminate_on_close": true, "session_kwargs": {}}
                        """));
    }

    @Test
    void reads_required_and_writes_it_only_when_set_in_snake_case() {
        McpServerConfig config = readValid("""
                {"name": "docs", "url": "http://h/mcp", "required": true}
                """);

        assertThat(config.required()).isTrue();
        assertThat(config.toJson(Casing.SNAKE).get("required").asBoolean()).isTrue();
        assertThat(readValid("{\"name\": \"docs\", \"url\": \"http://h/mcp\"}").required())
                .isFalse();
    }

    @Test
    void reads_back_what_it_writes_in_either_casing() {
        McpServerConfig original = readValid("""
                {"name": "fs", "transport": "stdio", "command": "npx", "args": ["-y"], "env": {"A": "1"},
                 "cwd": "/srv", "encodingErrorHandler": "strict", "timeoutSeconds": 5, "sessionKwargs": {"k": [1]}}
                """);

        for (Casing casing : Casing.values()) {
            assertThat(readValid(Json.write(original.toJson(casing))))
                    .as(casing.name())
                    .isEqualTo(original);
        }
    }

    @Test
    void does_not_share_its_collections_with_the_caller() {
        List<String> args = new ArrayList<>(List.of("a"));
        var kwargs = Json.object().put("k", 1);
        McpServerConfig config = new McpServerConfig(
                "n", "stdio", null, "c", args, Map.of(), Map.of(), null, null, null, null, null, null, kwargs, false);

        args.add("b");
        kwargs.put("k", 2);

        assertThat(config.args()).containsExactly("a");
        assertThat(config.sessionKwargs().path("k").asInt()).isEqualTo(1);
    }
}
