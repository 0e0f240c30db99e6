package dev.idun.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.idun.config.guardrail.GuardrailEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

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
    void keeps_the_slugs_of_every_collection_through_a_round_trip() {
        EngineConfig config = ConfigDocument.readYaml(resource("full.input.yaml"));

        EngineConfig again = ConfigDocument.readYaml(ConfigDocument.writeYaml(config));

        assertThat(again.mcpServers()).extracting(Named::slug).containsExactly(null, "company-docs");
        assertThat(again.guardrails()).extracting(GuardrailEntry::slug).containsExactly(null, null, "toxicity");
        assertThat(again.integrations()).extracting(Named::slug).containsExactly(null, null, null, "team-chat");
    }

    @Test
    void reports_a_bad_checkpointer_once() {
        assertThat(errorsOf(MINIMAL + "    checkpointer:\n      type: sqlite\n      db_url: /tmp/m.db\n"))
                .containsExactly(FieldError.invalid(
                        "agent.config.checkpointer.db_url", "SQLite DB URL must start with 'sqlite:///'"));
    }
}
