package dev.idun.config.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.idun.config.Casing;
import dev.idun.config.FieldError;
import dev.idun.config.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptConfigTest {
    private static PromptConfig readValid(String json) {
        List<FieldError> errors = new ArrayList<>();
        PromptConfig config = PromptConfig.read(Json.parse(json), "prompts.0", errors);
        assertThat(errors).isEmpty();
        assertThat(config).isNotNull();
        return config;
    }

    private static List<FieldError> errorsOf(String json) {
        List<FieldError> errors = new ArrayList<>();
        assertThat(PromptConfig.read(Json.parse(json), "prompts.0", errors)).isNull();
        return errors;
    }

    @Test
    void reads_a_prompt_in_camel_or_snake_case() {
        PromptConfig expected = new PromptConfig("system-prompt", 3, "Hi {{ name }}", List.of("latest"));

        assertThat(readValid("""
                        {"promptId": "system-prompt", "version": 3, "content": "Hi {{ name }}", "tags": ["latest"]}
                        """)).isEqualTo(expected);
        assertThat(readValid("""
                        {"prompt_id": "system-prompt", "version": 3, "content": "Hi {{ name }}", "tags": ["latest"]}
                        """)).isEqualTo(expected);
    }

    @Test
    void defaults_to_version_one_without_tags() {
        assertThat(readValid("{\"promptId\": \"p\", \"content\": \"Hi\"}"))
                .isEqualTo(new PromptConfig("p", 1, "Hi", List.of()));
    }

    @Test
    void accepts_empty_content() {
        assertThat(readValid("{\"promptId\": \"p\", \"content\": \"\"}").content())
                .isEmpty();
    }

    @Test
    void requires_prompt_id_and_content() {
        assertThat(errorsOf("{\"version\": 2}"))
                .extracting(FieldError::field, FieldError::code)
                .containsExactlyInAnyOrder(
                        tuple("prompts.0.promptId", "missing"), tuple("prompts.0.content", "missing"));
    }

    @Test
    void rejects_a_version_below_one() {
        assertThat(errorsOf("{\"promptId\": \"p\", \"content\": \"Hi\", \"version\": 0}"))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("prompts.0.version", "greater_than_equal"));
    }

    @Test
    void rejects_a_version_that_is_not_a_whole_number() {
        assertThat(errorsOf("{\"promptId\": \"p\", \"content\": \"Hi\", \"version\": 1.5}"))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("prompts.0.version", "int_type"));
    }

    @Test
    void rejects_tags_that_are_not_strings() {
        assertThat(errorsOf("{\"promptId\": \"p\", \"content\": \"Hi\", \"tags\": [\"a\", null]}"))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("prompts.0.tags.1", "string_type"));
    }

    @Test
    void writes_camel_or_snake_case() {
        PromptConfig prompt = new PromptConfig("p", 2, "Hi", List.of("a", "b"));

        assertThat(prompt.toJson(Casing.CAMEL))
                .isEqualTo(Json.parse(
                        "{\"promptId\": \"p\", \"version\": 2, \"content\": \"Hi\", \"tags\": [\"a\", \"b\"]}"));
        assertThat(prompt.toJson(Casing.SNAKE))
                .isEqualTo(Json.parse(
                        "{\"prompt_id\": \"p\", \"version\": 2, \"content\": \"Hi\", \"tags\": [\"a\", \"b\"]}"));
    }
}
