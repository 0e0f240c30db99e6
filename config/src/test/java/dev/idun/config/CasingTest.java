package dev.idun.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CasingTest {
    @ParameterizedTest
    @CsvSource({
        "name, name",
        "clientId, client_id",
        "mcpServers, mcp_servers",
        "serviceAccountCredentialsJson, service_account_credentials_json",
        "sseReadTimeoutSeconds, sse_read_timeout_seconds",
        "already_snake, already_snake"
    })
    void converts_camel_case_names_to_snake_case(String camel, String snake) {
        assertThat(Casing.toSnake(camel)).isEqualTo(snake);
        assertThat(Casing.SNAKE.key(camel)).isEqualTo(snake);
        assertThat(Casing.CAMEL.key(camel)).isEqualTo(camel);
    }
}
