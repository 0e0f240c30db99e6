package dev.idun.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {
    @Test
    void reports_malformed_json_as_a_body_error() {
        ConfigValidationException error =
                catchThrowableOfType(ConfigValidationException.class, () -> Json.parse("{\"a\": "));

        assertThat(error.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("body");
            assertThat(e.code()).isEqualTo("json_invalid");
        });
    }

    @Test
    void reports_malformed_yaml() {
        ConfigValidationException error =
                catchThrowableOfType(ConfigValidationException.class, () -> Json.parseYaml("a: [1, 2\nb: }"));

        assertThat(error.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo("yaml_invalid"));
        assertThat(error.getMessage()).startsWith("Malformed YAML.");
    }

    @Test
    void reads_empty_text_as_a_missing_node() {
        assertThat(Json.parse("").isMissingNode()).isTrue();
        assertThat(Json.parse(null).isMissingNode()).isTrue();
        assertThat(Json.parseYaml("").isMissingNode()).isTrue();
        assertThat(Json.parseYaml(null).isMissingNode()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "123",
                "007",
                "0777",
                "1e5",
                "1e-3",
                "-3",
                "+1",
                ".5",
                "-.5",
                "1.0",
                "1_000",
                "0x1A",
                "0b101",
                ".inf",
                "true",
                "false",
                "yes",
                "No",
                "on",
                "Off",
                "y",
                "n",
                "null",
                "NULL",
                "~",
                "",
                "  padded",
                "a: b",
                "#x",
                "- item",
                "@at",
                "12:30",
                "2024-01-01"
            })
    void keeps_strings_that_look_like_other_yaml_scalars_as_strings(String value) {
        ObjectNode node = Json.object().put("value", value);

        String yaml = Json.writeYaml(node);

        assertThat(Json.parseYaml(yaml).get("value").isTextual()).as(yaml).isTrue();
        assertThat(Json.parseYaml(yaml).get("value").asText()).as(yaml).isEqualTo(value);
    }

    @Test
    void writes_yaml_without_a_document_marker_and_with_quoted_numeric_strings() {
        ObjectNode node =
                Json.object().put("phone_number_id", "123").put("port", 8000).put("name", "ada");

        assertThat(Json.writeYaml(node)).isEqualTo("phone_number_id: \"123\"\nport: 8000\nname: ada\n");
    }

    @Test
    void exception_message_lists_every_field_error() {
        ConfigValidationException error = new ConfigValidationException(
                "Config is invalid.", java.util.List.of(FieldError.missing("a.b"), FieldError.invalid("c", "bad")));

        assertThat(error.getMessage()).isEqualTo("Config is invalid.\n  a.b: Field required\n  c: bad");
    }
}
