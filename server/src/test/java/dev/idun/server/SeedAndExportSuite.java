package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.engine.model.FakeModelServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** First-boot seeding from the config file, and export/import through the command line, on one kind of database. */
abstract class SeedAndExportSuite {
    static final String FULL_CONFIG = """
            server:
              api:
                port: 8000
            agent:
              type: LANGCHAIN4J
              config:
                name: Support Agent
                model:
                  provider: echo
                checkpointer:
                  type: memory
            mcp_servers:
            - name: time
              transport: stdio
              command: java
              args: ["-jar", "time.jar"]
              env:
                TZ: UTC
            - name: search
              display_name: Web Search
              transport: streamable_http
              url: http://127.0.0.1:9/mcp
              enabled: false
            guardrails:
              input:
              - name: Profanity filter
                config_id: ban_list
                banned_words: ["foo", "bar"]
              output:
              - config_id: detect_pii
                pii_entities: ["EMAIL_ADDRESS"]
                enabled: false
            observability:
            - provider: LANGFUSE
              enabled: true
              config:
                host: https://cloud.langfuse.com
                public_key: pk-1
                secret_key: sk-1
            sso:
              enabled: true
              issuer: https://accounts.example.com
              client_id: client-1
              allowed_domains: ["example.com"]
            integrations:
            - provider: WHATSAPP
              config:
                access_token: EAAG
                phone_number_id: "0123456789"
                verify_token: seeded-token
            - provider: WHATSAPP
              enabled: false
              config:
                access_token: EAAG2
                phone_number_id: "2"
                verify_token: second
            - name: Team chat
              provider: SLACK
              config:
                bot_token: xoxb-1
                signing_secret: s3cret
            prompts:
            - prompt_id: system-prompt
              version: 3
              content: "You are {{ role }}."
              tags: ["latest"]
            """;

    @TempDir
    Path dir;

    abstract String newDatabaseUrl(Path dir);

    private String database() {
        return newDatabaseUrl(dir);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void seeds_every_section_of_the_config_file_into_an_empty_database() throws IOException {
        Path config = write("config.yaml", FULL_CONFIG);
        String url = database();
        try (TestServer server = TestServer.start(url, config)) {
            JsonNode health = server.http.get("/health").json();
            assertThat(health.get("agent_name").asText()).isEqualTo("Support Agent");
            JsonNode integrations =
                    server.http.get("/admin/api/v1/integrations").json();
            assertThat(integrations).hasSize(3);
            assertThat(integrations.get(0).get("name").asText()).isEqualTo("WhatsApp");
            assertThat(integrations.get(1).get("name").asText()).isEqualTo("WhatsApp 2");
            assertThat(integrations.get(1).get("enabled").asBoolean()).isFalse();
            assertThat(integrations.get(2).get("slug").asText()).isEqualTo("team-chat");
            assertThat(integrations
                            .get(0)
                            .at("/integration/config/phoneNumberId")
                            .asText())
                    .isEqualTo("0123456789");
            assertThat(server.http
                            .get("/integrations/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=seeded-token"
                                    + "&hub.challenge=x")
                            .status())
                    .isEqualTo(200);
            assertThat(server.http
                            .get("/integrations/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=second"
                                    + "&hub.challenge=x")
                            .status())
                    .isEqualTo(403);
        }
        String exported = exportYaml(url);
        assertThat(exported).contains("display_name: Web Search", "name: Profanity filter", "slug: whatsapp-2");
        assertThat(exported).contains("secret_key: sk-1", "prompt_id: system-prompt", "type: memory");
    }

    @Test
    void export_then_import_into_an_empty_database_then_export_gives_the_same_yaml() throws IOException {
        String first = newDatabaseUrl(dir);
        try (TestServer server = TestServer.start(first, write("config.yaml", FULL_CONFIG))) {
            server.http.patch(
                    "/admin/api/v1/integrations/"
                            + server.http
                                    .get("/admin/api/v1/integrations")
                                    .json()
                                    .get(0)
                                    .get("id")
                                    .asText(),
                    "{\"name\": \"Renamed\"}");
        }
        String exported = exportYaml(first);
        assertThat(exported).contains("name: Renamed", "slug: whatsapp\n");

        String second = newDatabaseUrl(dir);
        Path file = write("exported.yaml", exported);
        CliRunner.Run imported = cli("import", file.toString(), "--database-url", second);
        assertThat(imported.code()).as(imported.err()).isZero();

        assertThat(exportYaml(second)).isEqualTo(exported);
    }

    @Test
    void import_of_an_invalid_file_changes_nothing_and_names_the_fields() throws IOException {
        String url = newDatabaseUrl(dir);
        try (TestServer server = TestServer.start(url, dir.resolve("absent.yaml"))) {
            assertThat(server.http.get("/health").json().get("agent_name").asText())
                    .isEqualTo("Starter Agent");
        }
        String before = exportYaml(url);
        Path bad = write("bad.yaml", """
                agent:
                  type: LANGCHAIN4J
                  config:
                    name: Broken
                    model: {provider: openai}
                integrations:
                - provider: SLACK
                  config: {bot_token: x}
                """);

        CliRunner.Run run = cli("import", bad.toString(), "--database-url", url);

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("agent.config.model.name", "integrations.0.config.signing_secret");
        assertThat(exportYaml(url)).isEqualTo(before);
    }

    @Test
    void an_import_reaches_a_running_server_through_the_config_version() throws Exception {
        String url = newDatabaseUrl(dir);
        try (TestServer server = TestServer.start(url, dir.resolve("absent.yaml"))) {
            String yaml = exportYaml(url).replace("name: Starter Agent", "name: Imported Agent") + """
                    integrations:
                    - provider: WHATSAPP
                      config:
                        access_token: t
                        phone_number_id: "1"
                        verify_token: imported
                    """;
            CliRunner.Run run = cli("import", write("next.yaml", yaml).toString(), "--database-url", url);
            assertThat(run.code()).as(run.err()).isZero();

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!server.http.get("/health").body().contains("Imported Agent") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(server.http.get("/health").json().get("agent_name").asText())
                    .isEqualTo("Imported Agent");
            assertThat(server.http
                            .get("/integrations/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=imported"
                                    + "&hub.challenge=x")
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void the_starter_agent_answers_on_a_fresh_install() {
        try (TestServer server = TestServer.start(database(), dir.resolve("absent.yaml"))) {
            Http.Response run = server.http.post(
                    "/agent/run",
                    "{\"threadId\": \"t1\", \"runId\": \"r1\", \"messages\": [{\"id\": \"m1\", \"role\": \"user\","
                            + " \"content\": \"hello\"}]}");
            assertThat(run.status()).isEqualTo(200);
            assertThat(run.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            assertThat(run.body()).contains("\"delta\":\"Echo: hello\"");
            assertThat(server.http.get("/health").json().get("agentReady").asBoolean())
                    .isTrue();
        }
    }

    @Test
    void starts_unconfigured_without_a_file_when_the_starter_is_disabled() {
        try (TestServer server =
                TestServer.start(database(), dir.resolve("absent.yaml"), Map.of("IDUN_SEED_STARTER", "false"))) {
            assertUnconfigured(server);
        }
    }

    @Test
    void starts_unconfigured_with_a_file_that_has_no_agent() throws IOException {
        Path config = write("config.yaml", """
                integrations:
                - provider: SLACK
                  config: {bot_token: x, signing_secret: y}
                """);
        try (TestServer server = TestServer.start(database(), config)) {
            assertUnconfigured(server);
            assertThat(server.http.get("/admin/api/v1/integrations").json()).hasSize(1);
        }
    }

    private static void assertUnconfigured(TestServer server) {
        Http.Response run = server.http.post("/agent/run", "{\"threadId\": \"t\", \"runId\": \"r\", \"messages\": []}");
        assertThat(run.status()).isEqualTo(503);
        assertThat(run.json().at("/detail/error/code").asText()).isEqualTo("agent_not_ready");
        JsonNode health = server.http.get("/health").json();
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("agent_name").isNull()).isTrue();
        assertThat(health.get("agentReady").asBoolean()).isFalse();
    }

    @Test
    void a_changed_config_file_is_not_applied_after_the_first_boot() throws IOException {
        String url = database();
        Path config = write("config.yaml", FULL_CONFIG);
        try (TestServer server = TestServer.start(url, config)) {
            assertThat(server.http.get("/health").json().get("agent_name").asText())
                    .isEqualTo("Support Agent");
        }
        write("config.yaml", FULL_CONFIG.replace("Support Agent", "Changed Agent"));
        try (TestServer server = TestServer.start(url, config)) {
            assertThat(server.http.get("/health").json().get("agent_name").asText())
                    .isEqualTo("Support Agent");
        }
    }

    private static CliRunner.Run cli(String... args) {
        return CliRunner.run(args);
    }

    private static String exportYaml(String url) {
        return CliRunner.exportYaml(url);
    }

    @Test
    void a_config_whose_server_port_changes_reports_restart_required() throws Exception {
        String url = database();
        try (TestServer server = TestServer.start(url, dir.resolve("absent.yaml"))) {
            String yaml = exportYaml(url).replace("port: 8000", "port: 9123");
            CliRunner.Run run = cli("import", write("port.yaml", yaml).toString(), "--database-url", url);
            assertThat(run.code()).as(run.err()).isZero();
            JsonNode status = server.http.get("/admin/api/v1/runtime/status").json();
            assertThat(status.get("status").asText()).isEqualTo("restart_required");
            assertThat(status.get("message").asText()).contains("restart");
        }
    }

    @Test
    void a_seeded_model_agent_streams_its_providers_text_through_agent_run() throws IOException {
        try (FakeModelServer provider = new FakeModelServer()) {
            provider.reply(FakeModelServer.openAi(
                    chunk("{\"content\":\"Hello \"}", "null"),
                    chunk("{\"content\":\"from the model\"}", "null"),
                    chunk("{}", "\"stop\"")));
            Path config = write("config.yaml", """
                    agent:
                      type: LANGCHAIN4J
                      config:
                        name: Cloud Agent
                        system_prompt: Be helpful.
                        model:
                          provider: openai
                          name: gpt-4o-mini
                          base_url: %s/v1
                          api_key: sk-seeded-key
                    """.formatted(provider.baseUrl()));
            try (TestServer server = TestServer.start(database(), config)) {
                Http.Response run = server.http.post(
                        "/agent/run",
                        "{\"threadId\": \"t\", \"runId\": \"r\","
                                + " \"messages\": [{\"id\": \"m1\", \"role\": \"user\", \"content\": \"hi\"}]}");

                assertThat(run.status()).isEqualTo(200);
                assertThat(run.body())
                        .containsSubsequence(
                                "RUN_STARTED",
                                "TEXT_MESSAGE_START",
                                "\"delta\":\"Hello \"",
                                "\"delta\":\"from the model\"",
                                "TEXT_MESSAGE_END",
                                "RUN_FINISHED");
                FakeModelServer.Request request = provider.requests().get(0);
                assertThat(request.headers().get("authorization")).isEqualTo("Bearer sk-seeded-key");
                assertThat(request.body().path("model").asText()).isEqualTo("gpt-4o-mini");
                assertThat(request.body().path("messages").toString())
                        .isEqualTo("[{\"role\":\"system\",\"content\":\"Be helpful.\"},"
                                + "{\"role\":\"user\",\"content\":\"hi\"}]");
            }
        }
    }

    private static String chunk(String delta, String finishReason) {
        return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finishReason + "}]}";
    }
}
