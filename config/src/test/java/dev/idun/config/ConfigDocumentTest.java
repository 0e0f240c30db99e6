package dev.idun.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.config.agent.AgentType;
import dev.idun.config.agent.MemoryConfig;
import dev.idun.config.guardrail.GuardrailEntry;
import dev.idun.config.guardrail.GuardrailPosition;
import dev.idun.config.integration.IntegrationProvider;
import dev.idun.config.integration.WhatsAppConfig;
import dev.idun.config.mcp.McpServerConfig;
import dev.idun.config.prompt.PromptConfig;
import dev.idun.config.sso.SsoConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigDocumentTest {
    private static final String MINIMAL = """
            agent:
              type: LANGGRAPH
              config:
                name: ada
                graph_definition: agent.py:graph
            """;

    private static String resource(String name) {
        try (InputStream in = ConfigDocumentTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<FieldError> errorsOf(String yaml) {
        ConfigValidationException error =
                catchThrowableOfType(ConfigValidationException.class, () -> ConfigDocument.readYaml(yaml));
        assertThat(error).as("expected the document to be rejected").isNotNull();
        return error.errors();
    }

    @Test
    void reads_a_document_with_every_section() {
        EngineConfig config = ConfigDocument.readYaml(resource("full.input.yaml"));

        assertThat(config.configured()).isTrue();
        assertThat(config.server().port()).isEqualTo(8080);
        assertThat(config.agent().type()).isEqualTo(AgentType.LANGCHAIN4J);
        assertThat(config.agent().name()).isEqualTo("Support Agent");
        assertThat(config.memory()).isEqualTo(new MemoryConfig(MemoryConfig.Kind.SQLITE, "sqlite:///./memory.db"));
        assertThat(config.mcpServers())
                .extracting(
                        Named::name,
                        Named::slug,
                        Named::enabled,
                        n -> n.config().name())
                .containsExactly(
                        tuple("time", null, true, "time"), tuple("Company Docs", "company-docs", false, "docs"));
        assertThat(config.guardrails())
                .extracting(
                        GuardrailEntry::name,
                        GuardrailEntry::enabled,
                        GuardrailEntry::position,
                        g -> g.config().configId())
                .containsExactly(
                        tuple("Profanity filter", true, GuardrailPosition.INPUT, "ban_list"),
                        tuple("detect_pii", false, GuardrailPosition.INPUT, "detect_pii"),
                        tuple("Toxicity", true, GuardrailPosition.OUTPUT, "toxic_language"));
        assertThat(config.observability().provider()).isEqualTo("LANGFUSE");
        assertThat(config.observability().config().path("publicKey").asText()).isEqualTo("pk-lf-1");
        assertThat(config.sso())
                .isEqualTo(new SsoConfig(
                        true,
                        "https://accounts.google.com",
                        "123456.apps.googleusercontent.com",
                        null,
                        List.of("company.com"),
                        null));
        assertThat(config.integrations())
                .extracting(
                        Named::name,
                        Named::slug,
                        Named::enabled,
                        n -> n.config().provider())
                .containsExactly(
                        tuple("WhatsApp", null, true, IntegrationProvider.WHATSAPP),
                        tuple("WhatsApp 2", null, false, IntegrationProvider.WHATSAPP),
                        tuple("Slack", null, true, IntegrationProvider.SLACK),
                        tuple("Team chat", "team-chat", true, IntegrationProvider.TELEGRAM));
        assertThat(config.prompts())
                .containsExactly(
                        new PromptConfig("system-prompt", 2, "Hello {{ name }}, how can I help?", List.of("latest")),
                        new PromptConfig("greeting", 1, "Hi", List.of()));
    }

    @Test
    void writes_the_document_in_the_expected_file_format() {
        EngineConfig config = ConfigDocument.readYaml(resource("full.input.yaml"));

        assertThat(ConfigDocument.writeYaml(config)).isEqualTo(resource("full.expected.yaml"));
    }

    @Test
    void write_read_write_gives_identical_yaml() {
        String golden = resource("full.expected.yaml");

        EngineConfig config = ConfigDocument.readYaml(golden);
        String again = ConfigDocument.writeYaml(config);

        assertThat(again).isEqualTo(golden);
        assertThat(ConfigDocument.readYaml(again)).isEqualTo(config);
    }

    @Test
    void keeps_numeric_looking_strings_as_strings_through_yaml() {
        EngineConfig config = ConfigDocument.readYaml(resource("full.input.yaml"));

        String yaml = ConfigDocument.writeYaml(config);
        EngineConfig again = ConfigDocument.readYaml(yaml);

        assertThat(yaml).contains("phone_number_id: \"123\"", "phone_number_id: \"0456\"");
        assertThat(again.integrations().subList(0, 2))
                .extracting(n -> ((WhatsAppConfig) n.config().config()).phoneNumberId())
                .containsExactly("123", "0456");
        assertThat(ConfigDocument.write(again)
                        .path("integrations")
                        .path(0)
                        .path("config")
                        .path("phone_number_id")
                        .isTextual())
                .isTrue();
    }

    @Test
    void keeps_numeric_looking_strings_inside_agent_settings() {
        EngineConfig config = ConfigDocument.readYaml(MINIMAL.replace("name: ada", "name: ada\n    region: \"0042\""));

        EngineConfig again = ConfigDocument.readYaml(ConfigDocument.writeYaml(config));

        assertThat(again.agent().settings().path("region").isTextual()).isTrue();
        assertThat(again.agent().settings().path("region").asText()).isEqualTo("0042");
    }

    @Test
    void reads_the_agent_checkpointer_as_the_memory_and_writes_it_back_under_the_agent() {
        EngineConfig config = ConfigDocument.readYaml(
                MINIMAL + "    checkpointer:\n      type: postgres\n      db_url: postgres://db/idun\n");

        assertThat(config.memory()).isEqualTo(new MemoryConfig(MemoryConfig.Kind.POSTGRES, "postgres://db/idun"));
        assertThat(config.agent().settings().has("checkpointer")).isFalse();
        assertThat(ConfigDocument.write(config).path("agent").path("config").path("checkpointer"))
                .isEqualTo(Json.parse("{\"type\": \"postgres\", \"db_url\": \"postgres://db/idun\"}"));
    }

    @Test
    void has_no_memory_without_a_checkpointer() {
        EngineConfig config = ConfigDocument.readYaml(MINIMAL);

        assertThat(config.memory()).isNull();
        assertThat(ConfigDocument.write(config).path("agent").path("config").has("checkpointer"))
                .isFalse();
    }

    @Test
    void reports_a_bad_checkpointer_once() {
        assertThat(errorsOf(MINIMAL + "    checkpointer:\n      type: sqlite\n      db_url: /tmp/m.db\n"))
                .containsExactly(FieldError.invalid(
                        "agent.config.checkpointer.db_url", "SQLite DB URL must start with 'sqlite:///'"));
    }

    @Test
    void collects_the_errors_of_every_bad_section() {
        List<FieldError> errors = errorsOf("""
                server:
                  api:
                    port: 70000
                agent:
                  type: LANGGRAPH
                  config:
                    name: ada
                mcp_servers:
                  - name: time
                    transport: stdio
                    args: [run]
                guardrails:
                  output:
                    - config_id: toxic_language
                      threshold: 1.5
                observability:
                  - provider: DATADOG
                    config: {}
                sso:
                  issuer: https://idp
                integrations:
                  - provider: SLACK
                    config:
                      bot_token: xoxb
                  - provider: WHATSAPP
                    config:
                      access_token: t
                      verify_token: v
                prompts:
                  - prompt_id: p
                """);

        assertThat(errors)
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder(
                        "server.api.port",
                        "agent.config.graph_definition",
                        "mcp_servers.0.command",
                        "guardrails.output.0.threshold",
                        "observability.0.provider",
                        "sso.client_id",
                        "integrations.0.config.signing_secret",
                        "integrations.1.config.phone_number_id",
                        "prompts.0.content");
    }

    @Test
    void names_unnamed_integrations_after_their_provider_and_numbers_repeats() {
        EngineConfig config = ConfigDocument.readYaml("""
                integrations:
                  - provider: WHATSAPP
                    config: {access_token: a, phone_number_id: "1", verify_token: v}
                  - provider: SLACK
                    config: {bot_token: b, signing_secret: s}
                  - provider: WHATSAPP
                    config: {access_token: a, phone_number_id: "2", verify_token: v}
                  - provider: GOOGLE_CHAT
                    config: {service_account_credentials_json: "{}", project_number: "7"}
                  - provider: WHATSAPP
                    config: {access_token: a, phone_number_id: "3", verify_token: v}
                """);

        assertThat(config.integrations())
                .extracting(Named::name)
                .containsExactly("WhatsApp", "Slack", "WhatsApp 2", "Google Chat", "WhatsApp 3");
    }

    @Test
    void keeps_explicit_integration_names_and_slugs() {
        EngineConfig config = ConfigDocument.readYaml("""
                integrations:
                  - name: Customer Support
                    slug: customer-support
                    provider: WHATSAPP
                    enabled: false
                    config: {accessToken: a, phoneNumberId: "1", verifyToken: v}
                """);

        Named<?> item = config.integrations().get(0);
        assertThat(item.name()).isEqualTo("Customer Support");
        assertThat(item.slug()).isEqualTo("customer-support");
        assertThat(item.enabled()).isFalse();
        assertThat(config.enabledIntegrations()).isEmpty();
    }

    @Test
    void names_an_mcp_server_by_its_display_name_or_else_its_own_name() {
        EngineConfig config = ConfigDocument.readYaml("""
                mcp_servers:
                  - name: time
                    display_name: Time Server
                    slug: time-server
                    transport: stdio
                    command: docker
                    args: [run]
                  - name: docs
                    enabled: false
                    url: http://h/mcp
                """);

        assertThat(config.mcpServers())
                .extracting(Named::name, Named::slug, Named::enabled)
                .containsExactly(tuple("Time Server", "time-server", true), tuple("docs", null, false));
        JsonNode first = ConfigDocument.write(config).path("mcp_servers").path(0);
        assertThat(first.path("name").asText()).isEqualTo("time");
        assertThat(first.path("display_name").asText()).isEqualTo("Time Server");
        assertThat(first.path("slug").asText()).isEqualTo("time-server");
        assertThat(ConfigDocument.write(config).path("mcp_servers").path(1).has("display_name"))
                .isFalse();
    }

    @Test
    void does_not_pass_name_slug_or_enabled_into_the_item_configs() {
        EngineConfig config = ConfigDocument.readYaml("""
                guardrails:
                  input:
                    - name: Words
                      slug: words
                      enabled: false
                      config_id: ban_list
                      banned_words: [x]
                """);

        assertThat(config.guardrails().get(0).config().fields())
                .isEqualTo(Json.parse("{\"config_id\": \"ban_list\", \"banned_words\": [\"x\"]}"));
    }

    @Test
    void rejects_an_enabled_flag_that_is_not_a_boolean_in_every_collection() {
        List<FieldError> errors = errorsOf("""
                mcp_servers:
                  - name: docs
                    url: http://h/mcp
                    enabled: maybe
                guardrails:
                  input:
                    - config_id: restrict_to_topic
                      valid_topics: [billing]
                      enabled: 7
                integrations:
                  - provider: SLACK
                    enabled: sometimes
                    config: {bot_token: b, signing_secret: s}
                """);

        assertThat(errors)
                .extracting(FieldError::field, FieldError::code)
                .containsExactlyInAnyOrder(
                        tuple("mcp_servers.0.enabled", "bool_type"),
                        tuple("guardrails.input.0.enabled", "bool_type"),
                        tuple("integrations.0.enabled", "bool_type"));
    }

    @Test
    void keeps_the_slugs_of_every_collection_through_a_round_trip() {
        EngineConfig config = ConfigDocument.readYaml(resource("full.input.yaml"));

        EngineConfig again = ConfigDocument.readYaml(ConfigDocument.writeYaml(config));

        assertThat(again.mcpServers()).extracting(Named::slug).containsExactly(null, "company-docs");
        assertThat(again.guardrails()).extracting(GuardrailEntry::slug).containsExactly(null, null, "toxicity");
        assertThat(again.integrations()).extracting(Named::slug).containsExactly(null, null, null, "team-chat");
    }

    @Test
    void reads_back_what_it_writes() {
        EngineConfig config = ConfigDocument.readYaml(resource("full.input.yaml"));

        assertThat(ConfigDocument.read(ConfigDocument.write(config))).isEqualTo(config);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n\n", "# nothing configured yet\n", "~\n", "null"})
    void reads_an_empty_document_as_the_empty_config(String yaml) {
        assertThat(ConfigDocument.readYaml(yaml)).isEqualTo(EngineConfig.empty());
    }

    @Test
    void writes_the_empty_config_as_just_the_server_and_reads_it_back() {
        String yaml = ConfigDocument.writeYaml(EngineConfig.empty());

        assertThat(yaml).isEqualTo("server:\n  api:\n    port: 8000\n");
        assertThat(ConfigDocument.readYaml(yaml)).isEqualTo(EngineConfig.empty());
    }

    @Test
    void reads_sections_without_an_agent_as_an_unconfigured_server() {
        EngineConfig config = ConfigDocument.readYaml("""
                prompts:
                  - prompt_id: p
                    content: Hi
                """);

        assertThat(config.configured()).isFalse();
        assertThat(config.prompts()).hasSize(1);
    }

    @Test
    void rejects_more_than_one_observability_entry() {
        List<FieldError> errors = errorsOf("""
                observability:
                  - provider: LANGFUSE
                    config: {}
                  - provider: PHOENIX
                    config: {}
                """);

        assertThat(errors)
                .containsExactly(FieldError.invalid("observability", "Only one observability provider is supported"));
    }

    @Test
    void accepts_observability_as_a_single_object_or_an_empty_list() {
        EngineConfig single = ConfigDocument.readYaml("observability:\n  provider: PHOENIX\n  config: {}\n");
        EngineConfig none = ConfigDocument.readYaml("observability: []\n");

        assertThat(single.observability().provider()).isEqualTo("PHOENIX");
        assertThat(none.observability()).isNull();
    }

    @Test
    void accepts_camel_case_top_level_keys() {
        EngineConfig config = ConfigDocument.readYaml("""
                mcpServers:
                  - name: docs
                    url: http://h/mcp
                """);

        assertThat(config.mcpServers()).extracting(n -> n.config().name()).containsExactly("docs");
    }

    @Test
    void defaults_the_server_port_to_8000() {
        assertThat(ConfigDocument.readYaml(MINIMAL).server()).isEqualTo(ServerConfig.DEFAULT);
        assertThat(ConfigDocument.readYaml(MINIMAL + "server: {}\n").server().port())
                .isEqualTo(8000);
        assertThat(ConfigDocument.readYaml(MINIMAL + "server:\n  api: {}\n")
                        .server()
                        .port())
                .isEqualTo(8000);
    }

    @Test
    void accepts_a_port_written_as_text() {
        assertThat(ConfigDocument.readYaml(MINIMAL + "server:\n  api:\n    port: \"9000\"\n")
                        .server()
                        .port())
                .isEqualTo(9000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "65536", "eighty"})
    void rejects_a_port_out_of_range(String port) {
        assertThat(errorsOf(MINIMAL + "server:\n  api:\n    port: " + port + "\n"))
                .extracting(FieldError::field)
                .contains("server.api.port");
    }

    @Test
    void rejects_a_document_that_is_not_a_mapping() {
        assertThat(errorsOf("- a\n- b\n")).extracting(FieldError::code).containsExactly("model_type");
    }

    @Test
    void rejects_collections_that_are_not_lists_and_items_that_are_not_objects() {
        assertThat(errorsOf("""
                        mcp_servers: {name: docs}
                        integrations: [slack]
                        guardrails: [ban_list]
                        """))
                .extracting(FieldError::field, FieldError::code)
                .containsExactlyInAnyOrder(
                        tuple("mcp_servers", "list_type"),
                        tuple("integrations.0", "model_type"),
                        tuple("guardrails", "model_type"));
    }

    @Test
    void reports_malformed_yaml() {
        assertThat(errorsOf("agent: [unclosed\n")).extracting(FieldError::code).containsExactly("yaml_invalid");
    }

    @Test
    void hash_is_64_lower_case_hex_digits() {
        assertThat(ConfigDocument.hash(EngineConfig.empty())).matches("[0-9a-f]{64}");
        assertThat(ConfigDocument.hash(ConfigDocument.readYaml(resource("full.input.yaml"))))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void hash_is_equal_for_equal_configs() {
        EngineConfig one = ConfigDocument.readYaml(resource("full.input.yaml"));
        EngineConfig two = ConfigDocument.readYaml(resource("full.expected.yaml"));

        assertThat(two).isEqualTo(one);
        assertThat(ConfigDocument.hash(two)).isEqualTo(ConfigDocument.hash(one));
    }

    @Test
    void hash_does_not_depend_on_the_key_order_of_the_input() {
        EngineConfig ordered = ConfigDocument.readYaml("""
                agent:
                  type: LANGCHAIN4J
                  config:
                    name: ada
                    model: {provider: openai, name: gpt-4o, temperature: 0.1}
                observability:
                  provider: OTLP
                  config: {endpoint: "http://c:4318", headers: {a: "1", b: "2"}}
                guardrails:
                  input:
                    - config_id: ban_list
                      banned_words: [x]
                      reject_message: no
                """);
        EngineConfig shuffled = ConfigDocument.readYaml("""
                guardrails:
                  input:
                    - reject_message: no
                      banned_words: [x]
                      config_id: ban_list
                observability:
                  config: {headers: {b: "2", a: "1"}, endpoint: "http://c:4318"}
                  provider: OTLP
                agent:
                  config:
                    model: {temperature: 0.1, name: gpt-4o, provider: openai}
                    name: ada
                  type: LANGCHAIN4J
                """);

        assertThat(ConfigDocument.hash(shuffled)).isEqualTo(ConfigDocument.hash(ordered));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "port: 8080|port: 8081",
                "name: Support Agent|name: Support Agent 2",
                "temperature: 0.2|temperature: 0.3",
                "db_url: sqlite:///./memory.db|db_url: sqlite:///./other.db",
                "enabled: false\n    url|enabled: true\n    url",
                "slug: company-docs|slug: docs",
                "threshold: 0.8|threshold: 0.7",
                "secret_key: sk-lf-1|secret_key: sk-lf-2",
                "allowed_domains: [company.com]|allowed_domains: [company.org]",
                "phone_number_id: \"0456\"|phone_number_id: \"456\"",
                "name: Team chat|name: Team talk",
                "version: 2|version: 3"
            })
    void hash_changes_when_anything_changes(String change) {
        String[] parts = change.split("\\|");
        String original = resource("full.input.yaml");
        assertThat(original).contains(parts[0]);

        String changed = original.replace(parts[0], parts[1]);

        assertThat(ConfigDocument.hash(ConfigDocument.readYaml(changed)))
                .isNotEqualTo(ConfigDocument.hash(ConfigDocument.readYaml(original)));
    }

    @Test
    void hash_changes_when_a_section_is_added() {
        EngineConfig without = ConfigDocument.readYaml(MINIMAL);
        EngineConfig with = ConfigDocument.readYaml(MINIMAL + "sso:\n  issuer: i\n  client_id: c\n");

        assertThat(ConfigDocument.hash(with)).isNotEqualTo(ConfigDocument.hash(without));
        assertThat(ConfigDocument.hash(without)).isNotEqualTo(ConfigDocument.hash(EngineConfig.empty()));
    }

    @Test
    void writes_disabled_items_so_that_nothing_is_lost() {
        EngineConfig config = ConfigDocument.readYaml(resource("full.input.yaml"));

        assertThat(config.enabledMcpServers()).extracting(McpServerConfig::name).containsExactly("time");
        assertThat(ConfigDocument.write(config).path("mcp_servers")).hasSize(2);
        assertThat(ConfigDocument.write(config).path("guardrails").path("input"))
                .hasSize(2);
        assertThat(ConfigDocument.write(config).path("integrations")).hasSize(4);
    }
}
