package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /admin/api/v1/config/export} and {@code /import}, over real HTTP, on one kind of database. */
abstract class ConfigDocumentApiSuite {
    static final String EXPORT = "/admin/api/v1/config/export";
    static final String IMPORT = "/admin/api/v1/config/import";

    @TempDir
    Path dir;

    TestServer server;

    abstract String newDatabaseUrl(Path dir);

    @BeforeEach
    void start() throws IOException {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, """
                agent:
                  type: LANGCHAIN4J
                  config:
                    name: Support Agent
                    model: {provider: echo}
                    checkpointer: {type: postgres, db_url: "postgresql://app:db-password-1@db:5432/app"}
                integrations:
                - provider: WHATSAPP
                  config: {access_token: whatsapp-access-1, phone_number_id: "42", verify_token: verify-token-1}
                mcp_servers:
                - name: tools
                  transport: streamable_http
                  url: http://127.0.0.1:9/mcp
                  headers: {Authorization: Bearer mcp-secret-1}
                """);
        server = TestServer.start(newDatabaseUrl(dir), config);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int handshake(String token) {
        return server.http
                .get("/integrations/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=" + token + "&hub.challenge=c")
                .status();
    }

    @Test
    void export_masks_secrets_unless_asked_for_them() {
        Http.Response masked = server.http.get(EXPORT);

        assertThat(masked.status()).isEqualTo(200);
        assertThat(masked.headers().firstValue("Content-Type").orElse("")).startsWith("application/yaml");
        assertThat(masked.body())
                .contains("name: Support Agent", "verify_token: ••••en-1", "Authorization: ••••et-1")
                .contains("postgresql://app:••••rd-1@db:5432/app")
                .doesNotContain("verify-token-1", "whatsapp-access-1", "mcp-secret-1", "db-password-1");

        Http.Response full = server.http.get(EXPORT + "?includeSecrets=true");
        assertThat(full.body()).contains("verify-token-1", "whatsapp-access-1", "mcp-secret-1", "db-password-1");
        assertThat(full.body()).isEqualTo(CliRunner.exportYaml(server.databaseUrl));
    }

    @Test
    void a_masked_export_imported_back_keeps_every_secret() {
        String before = CliRunner.exportYaml(server.databaseUrl);
        String masked = server.http.get(EXPORT).body();

        Http.Response imported =
                server.http.post(IMPORT, masked.replace("Support Agent", "Renamed"), "application/yaml");

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().at("/data/agent").asText()).isEqualTo("Renamed");
        assertThat(imported.json().at("/data/integrations").asInt()).isEqualTo(1);
        assertThat(imported.json().at("/reload/status").asText()).isEqualTo("reloaded");
        assertThat(CliRunner.exportYaml(server.databaseUrl)).isEqualTo(before.replace("Support Agent", "Renamed"));
        assertThat(handshake("verify-token-1")).isEqualTo(200);
        assertThat(server.http.get("/health").json().get("agent_name").asText()).isEqualTo("Renamed");
    }

    @Test
    void an_import_replaces_everything_at_once() {
        String yaml = """
                agent:
                  type: LANGCHAIN4J
                  config: {name: Fresh, model: {provider: echo}}
                integrations:
                - provider: WHATSAPP
                  config: {access_token: t, phone_number_id: "1", verify_token: fresh-token}
                """;

        Http.Response imported = server.http.post(IMPORT, yaml, "application/yaml");

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(handshake("fresh-token")).isEqualTo(200);
        assertThat(handshake("verify-token-1")).isEqualTo(403);
        assertThat(server.http.get("/admin/api/v1/integrations").json()).hasSize(1);
        assertThat(CliRunner.exportYaml(server.databaseUrl)).doesNotContain("mcp_servers");
    }

    @Test
    void an_invalid_import_changes_nothing() {
        String before = CliRunner.exportYaml(server.databaseUrl);

        Http.Response invalid = server.http.post(
                IMPORT,
                "agent:\n  type: ADK\n  config: {name: x}\nintegrations:\n- provider: SLACK\n  config: {}\n",
                "application/yaml");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body()).contains("agent.type", "integrations.0.config.bot_token");

        Http.Response malformed = server.http.post(IMPORT, "agent: [unclosed", "application/yaml");
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(server.http
                        .post(IMPORT, "- just\n- a list\n", "application/yaml")
                        .status())
                .isEqualTo(422);

        Http.Response wrongMask = server.http.post(
                IMPORT, server.http.get(EXPORT).body().replace("••••en-1", "••••zzzz"), "application/yaml");
        assertThat(wrongMask.status()).isEqualTo(422);
        assertThat(wrongMask.json().at("/error/fieldErrors/0/code").asText()).isEqualTo("masked_secret");
        assertThat(wrongMask.json().at("/error/fieldErrors/0/field").asText())
                .isEqualTo("integrations.0.config.verify_token");

        server.builder.failWith("boom");
        Http.Response failed =
                server.http.post(IMPORT, server.http.get(EXPORT).body().replace("Support", "X"), "application/yaml");
        assertThat(failed.status()).isEqualTo(500);
        server.builder.succeed();

        assertThat(CliRunner.exportYaml(server.databaseUrl)).isEqualTo(before);
    }

    @Test
    void a_dry_run_import_validates_without_saving() {
        String before = CliRunner.exportYaml(server.databaseUrl);

        Http.Response dry = server.http.post(
                IMPORT + "?dryRun=true",
                server.http.get(EXPORT).body().replace("Support Agent", "Dry"),
                "application/yaml");

        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        assertThat(dry.json().at("/reload/status").asText()).isEqualTo("validated");
        assertThat(dry.json().at("/data/agent").asText()).isEqualTo("Dry");
        assertThat(CliRunner.exportYaml(server.databaseUrl)).isEqualTo(before);
        assertThat(server.http.get("/health").json().get("agent_name").asText()).isEqualTo("Support Agent");
    }
}
