package dev.idun.config.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.FieldError;
import dev.idun.config.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgentConfigTest {
    private static AgentConfig readValid(String json) {
        List<FieldError> errors = new ArrayList<>();
        AgentConfig config = AgentConfig.read(Json.parse(json), "agent", errors);
        assertThat(errors).isEmpty();
        assertThat(config).isNotNull();
        return config;
    }

    private static List<FieldError> errorsOf(String json) {
        List<FieldError> errors = new ArrayList<>();
        assertThat(AgentConfig.read(Json.parse(json), "agent", errors)).isNull();
        assertThat(errors).isNotEmpty();
        return errors;
    }

    private static String langchain4j(String model) {
        return "{\"type\": \"LANGCHAIN4J\", \"config\": {\"name\": \"ada\", \"model\": " + model + "}}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic", "gemini", "ollama"})
    void accepts_a_langchain4j_agent_with_a_known_model_provider_and_model_name(String provider) {
        AgentConfig config = readValid(langchain4j("{\"provider\": \"" + provider + "\", \"name\": \"some-model\"}"));

        assertThat(config.type()).isEqualTo(AgentType.LANGCHAIN4J);
        assertThat(config.name()).isEqualTo("ada");
        assertThat(config.settings().path("model").path("provider").asText()).isEqualTo(provider);
    }

    @Test
    void accepts_the_echo_model_without_a_model_name() {
        AgentConfig config = readValid(langchain4j("{\"provider\": \"echo\"}"));

        assertThat(config.settings().path("model").has("name")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic", "gemini", "ollama"})
    void rejects_a_model_without_a_name_unless_it_is_echo(String provider) {
        assertThat(errorsOf(langchain4j("{\"provider\": \"" + provider + "\"}")))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("agent.config.model.name", "missing"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mistral", "OpenAI", "azure"})
    void rejects_an_unknown_model_provider(String provider) {
        List<FieldError> errors = errorsOf(langchain4j("{\"provider\": \"" + provider + "\", \"name\": \"m\"}"));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("agent.config.model.provider");
            assertThat(error.code()).isEqualTo("enum");
            assertThat(error.message()).contains(provider, "openai, anthropic, gemini, ollama, echo");
        });
    }

    @Test
    void rejects_a_blank_model_provider() {
        assertThat(errorsOf(langchain4j("{\"provider\": \" \", \"name\": \"m\"}")))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("agent.config.model.provider", "string_too_short"));
    }

    @Test
    void rejects_a_langchain4j_agent_without_a_model() {
        assertThat(errorsOf("{\"type\": \"LANGCHAIN4J\", \"config\": {\"name\": \"ada\"}}"))
                .extracting(FieldError::field)
                .contains("agent.config.model");
    }

    @Test
    void rejects_a_model_without_a_provider() {
        assertThat(errorsOf(langchain4j("{\"name\": \"gpt-4o\"}")))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("agent.config.model.provider", "missing"));
    }

    @Test
    void rejects_model_options_of_the_wrong_type() {
        assertThat(errorsOf(langchain4j(
                        "{\"provider\": \"openai\", \"name\": \"m\", \"temperature\": \"hot\", \"max_tokens\": 1.5}")))
                .extracting(FieldError::field, FieldError::code)
                .containsExactlyInAnyOrder(
                        tuple("agent.config.model.temperature", "float_type"),
                        tuple("agent.config.model.max_tokens", "int_type"));
    }

    @Test
    void accepts_a_langgraph_agent_with_a_graph_definition() {
        AgentConfig config = readValid("""
                {"type": "LANGGRAPH", "config": {"name": "ada", "graph_definition": "agent.py:graph"}}
                """);

        assertThat(config.type()).isEqualTo(AgentType.LANGGRAPH);
        assertThat(config.settings().path("graph_definition").asText()).isEqualTo("agent.py:graph");
    }

    @Test
    void rejects_a_langgraph_agent_without_a_graph_definition() {
        assertThat(errorsOf("{\"type\": \"LANGGRAPH\", \"config\": {\"name\": \"ada\"}}"))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("agent.config.graph_definition", "missing"));
    }

    @Test
    void accepts_a_custom_agent_with_an_agent_class() {
        AgentConfig config = readValid("""
                {"type": "CUSTOM", "config": {"name": "ada", "agent_class": "com.example.MyAgent"}}
                """);

        assertThat(config.type()).isEqualTo(AgentType.CUSTOM);
    }

    @Test
    void rejects_a_custom_agent_without_an_agent_class() {
        assertThat(errorsOf("{\"type\": \"CUSTOM\", \"config\": {\"name\": \"ada\"}}"))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("agent.config.agent_class", "missing"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ADK", "HAYSTACK", "CREWAI", "DEEP_RESEARCH_AGENT"})
    void rejects_a_framework_this_server_does_not_run_and_names_what_to_use_instead(String type) {
        List<FieldError> errors = errorsOf("""
                {"type": "%s", "config": {"name": "ada", "agent": "agent.py:root"}}
                """.formatted(type));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("agent.type");
            assertThat(error.code()).isEqualTo("unsupported");
            assertThat(error.message()).contains(type, "LANGCHAIN4J", "LANGGRAPH", "CUSTOM", "instead");
        });
    }

    @Test
    void rejects_an_unknown_type_and_lists_the_runnable_ones() {
        List<FieldError> errors = errorsOf("{\"type\": \"AUTOGEN\", \"config\": {\"name\": \"ada\"}}");

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("agent.type");
            assertThat(error.code()).isEqualTo("enum");
            assertThat(error.message()).contains("AUTOGEN", "LANGCHAIN4J", "LANGGRAPH", "CUSTOM");
        });
    }

    @Test
    void reads_the_type_case_insensitively() {
        AgentConfig config = readValid("""
                {"type": "langgraph", "config": {"name": "ada", "graph_definition": "agent.py:graph"}}
                """);

        assertThat(config.type()).isEqualTo(AgentType.LANGGRAPH);
    }

    @Test
    void requires_a_type() {
        assertThat(errorsOf("{\"config\": {\"name\": \"ada\"}}"))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("agent.type", "missing"));
    }

    @Test
    void requires_a_name() {
        assertThat(errorsOf("""
                        {"type": "LANGGRAPH", "config": {"graph_definition": "agent.py:graph"}}
                        """))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("agent.config.name", "missing"));
    }

    @Test
    void requires_a_config() {
        assertThat(errorsOf("{\"type\": \"CUSTOM\"}"))
                .extracting(FieldError::field)
                .contains("agent.config");
    }

    @Test
    void reports_an_unknown_type_and_a_missing_name_together() {
        assertThat(errorsOf("{\"type\": \"AUTOGEN\", \"config\": {}}"))
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder("agent.type", "agent.config.name");
    }

    @Test
    void translation_and_correction_agents_need_no_model_but_check_one_when_given() {
        readValid("{\"type\": \"TRANSLATION_AGENT\", \"config\": {\"name\": \"t\"}}");
        readValid(
                "{\"type\": \"CORRECTION_AGENT\", \"config\": {\"name\": \"c\", \"model\": {\"provider\": \"echo\"}}}");

        assertThat(errorsOf("{\"type\": \"CORRECTION_AGENT\", \"config\": {\"name\": \"c\", \"model\": {}}}"))
                .extracting(FieldError::field)
                .containsExactly("agent.config.model.provider");
    }

    @Test
    void accepts_each_valid_checkpointer() {
        for (String checkpointer : List.of(
                "{\"type\": \"memory\"}",
                "{\"type\": \"sqlite\", \"db_url\": \"sqlite:///./memory.db\"}",
                "{\"type\": \"postgres\", \"db_url\": \"postgresql://u:p@localhost:5432/idun\"}",
                "{\"type\": \"postgres\", \"db_url\": \"postgres://u:p@localhost/idun\"}")) {
            AgentConfig config = readValid("""
                    {"type": "LANGGRAPH", "config": {"name": "ada", "graph_definition": "a.py:g", "checkpointer": %s}}
                    """.formatted(checkpointer));
            assertThat(config.settings().has("checkpointer")).as(checkpointer).isFalse();
        }
    }

    @Test
    void rejects_a_sqlite_checkpointer_whose_url_is_not_sqlite() {
        List<FieldError> errors = errorsOf("""
                {"type": "LANGGRAPH", "config": {"name": "ada", "graph_definition": "a.py:g",
                  "checkpointer": {"type": "sqlite", "db_url": "postgresql://localhost/x"}}}
                """);

        assertThat(errors)
                .containsExactly(new FieldError(
                        "agent.config.checkpointer.db_url",
                        "SQLite DB URL must start with 'sqlite:///'",
                        "value_error"));
    }

    @Test
    void rejects_a_postgres_checkpointer_whose_url_is_not_postgres() {
        List<FieldError> errors = errorsOf("""
                {"type": "LANGCHAIN4J", "config": {"name": "ada", "model": {"provider": "echo"},
                  "checkpointer": {"type": "postgres", "db_url": "mysql://localhost/x"}}}
                """);

        assertThat(errors)
                .containsExactly(new FieldError(
                        "agent.config.checkpointer.db_url",
                        "Postgres DB URL must start with 'postgresql://' or 'postgres://'",
                        "value_error"));
    }

    @Test
    void rejects_an_unknown_checkpointer_type() {
        assertThat(errorsOf("""
                        {"type": "CUSTOM", "config": {"name": "ada", "agent_class": "x.Y",
                          "checkpointer": {"type": "redis"}}}
                        """))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("agent.config.checkpointer.type", "literal_error"));
    }

    @Test
    void keeps_every_setting_except_the_checkpointer() {
        AgentConfig config = readValid("""
                {"type": "LANGCHAIN4J", "config": {"name": "ada", "system_prompt": "Be brief.",
                  "model": {"provider": "openai", "name": "gpt-4o", "temperature": 0.2},
                  "checkpointer": {"type": "memory"}, "custom": {"nested": [1, 2]}}}
                """);

        assertThat(config.settings()).isEqualTo(Json.parse("""
                        {"name": "ada", "system_prompt": "Be brief.",
                          "model": {"provider": "openai", "name": "gpt-4o", "temperature": 0.2},
                          "custom": {"nested": [1, 2]}}
                        """));
    }

    @Test
    void writes_the_memory_back_as_the_checkpointer() {
        AgentConfig config = readValid("""
                {"type": "LANGGRAPH", "config": {"name": "ada", "graph_definition": "a.py:g"}}
                """);

        assertThat(config.toJson(new MemoryConfig(MemoryConfig.Kind.SQLITE, "sqlite:///m.db")))
                .isEqualTo(Json.parse("""
                        {"type": "LANGGRAPH", "config": {"name": "ada", "graph_definition": "a.py:g",
                          "checkpointer": {"type": "sqlite", "db_url": "sqlite:///m.db"}}}
                        """));
        assertThat(config.toJson(null)).isEqualTo(Json.parse("""
                        {"type": "LANGGRAPH", "config": {"name": "ada", "graph_definition": "a.py:g"}}
                        """));
    }

    @Test
    void cannot_be_changed_through_its_settings() {
        ObjectNode settings = Json.object().put("name", "ada").put("agent_class", "x.Y");
        AgentConfig config = new AgentConfig(AgentType.CUSTOM, "ada", settings);

        settings.put("agent_class", "changed");
        config.settings().put("agent_class", "changed too");

        assertThat(config.settings().path("agent_class").asText()).isEqualTo("x.Y");
    }

    @Test
    void the_starter_agent_uses_the_offline_echo_model() {
        AgentConfig starter = AgentConfig.starter();
        List<FieldError> errors = new ArrayList<>();

        assertThat(starter.type()).isEqualTo(AgentType.LANGCHAIN4J);
        assertThat(starter.name()).isEqualTo("Starter Agent");
        assertThat(starter.settings().path("model").path("provider").asText()).isEqualTo("echo");
        assertThat(AgentConfig.read(starter.toJson(null), "agent", errors)).isEqualTo(starter);
        assertThat(errors).isEmpty();
    }

    @Test
    void knows_which_frameworks_it_can_run() {
        assertThat(AgentType.values())
                .filteredOn(AgentType::runnable)
                .containsExactlyInAnyOrder(
                        AgentType.LANGCHAIN4J,
                        AgentType.LANGGRAPH,
                        AgentType.CUSTOM,
                        AgentType.TRANSLATION_AGENT,
                        AgentType.CORRECTION_AGENT);
        assertThat(AgentType.parse(" custom ")).contains(AgentType.CUSTOM);
        assertThat(AgentType.parse("nope")).isEmpty();
    }
}
