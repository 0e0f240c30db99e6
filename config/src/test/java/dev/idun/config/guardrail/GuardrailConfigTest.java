package dev.idun.config.guardrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.idun.config.FieldError;
import dev.idun.config.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GuardrailConfigTest {
    private static GuardrailConfig readValid(String json) {
        List<FieldError> errors = new ArrayList<>();
        GuardrailConfig config = GuardrailConfig.read(Json.parse(json), "guardrail", errors);
        assertThat(errors).isEmpty();
        assertThat(config).isNotNull();
        return config;
    }

    private static List<FieldError> errorsOf(String json) {
        List<FieldError> errors = new ArrayList<>();
        assertThat(GuardrailConfig.read(Json.parse(json), "guardrail", errors)).isNull();
        return errors;
    }

    @ParameterizedTest(name = "{0} needs {1}")
    @CsvSource({
        "ban_list, banned_words, '[\"foo\"]'",
        "detect_pii, pii_entities, '[\"Email\"]'",
        "nsfw_text, threshold, 0.5",
        "toxic_language, threshold, 0.5",
        "gibberish_text, threshold, 0.5",
        "bias_check, threshold, 0.5",
        "competition_check, competitors, '[\"Acme\"]'",
        "correct_language, expected_languages, '[\"en\"]'",
        "detect_jailbreak, threshold, 0.5",
        "prompt_injection, threshold, 0.5",
        "rag_hallucination, threshold, 0.5",
        "code_scanner, allowed_languages, '[\"python\"]'",
        "custom_llm, prompt, '\"Is this polite?\"'",
        "regex_match, regex, '\"^[a-z]+$\"'"
    })
    void requires_the_field_its_config_id_needs(String configId, String field, String value) {
        assertThat(errorsOf("{\"config_id\": \"" + configId + "\"}"))
                .containsExactly(FieldError.missing("guardrail." + field));

        GuardrailConfig config = readValid("{\"config_id\": \"" + configId + "\", \"" + field + "\": " + value + "}");
        assertThat(config.configId()).isEqualTo(configId);
        assertThat(config.fields().get(field)).isEqualTo(Json.parse(value));
    }

    @Test
    void restrict_to_topic_needs_valid_or_invalid_topics() {
        assertThat(readValid("{\"config_id\": \"restrict_to_topic\", \"invalid_topics\": [\"politics\"]}")
                        .configId())
                .isEqualTo("restrict_to_topic");
        assertThat(errorsOf("{\"config_id\": \"restrict_to_topic\"}"))
                .extracting(FieldError::field)
                .containsExactly("guardrail.valid_topics");
    }

    @Test
    void reads_the_spec_example_with_api_key_and_banned_words() {
        GuardrailConfig config = readValid("""
                {"config_id": "ban_list", "api_key": "test-key", "banned_words": ["foo", "bar"]}
                """);

        assertThat(config.toJson()).isEqualTo(Json.parse("""
                        {"config_id": "ban_list", "api_key": "test-key", "banned_words": ["foo", "bar"]}
                        """));
    }

    @Test
    void keeps_a_camel_case_config_id_only_under_its_snake_case_key() {
        GuardrailConfig config = readValid("{\"configId\": \"ban_list\", \"banned_words\": [\"foo\"]}");

        assertThat(config.toJson()).isEqualTo(Json.parse("{\"config_id\": \"ban_list\", \"banned_words\": [\"foo\"]}"));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.01, 0.5, 1.0})
    void accepts_a_threshold_between_zero_and_one(double threshold) {
        assertThat(readValid("{\"config_id\": \"toxic_language\", \"threshold\": " + threshold + "}")
                        .fields()
                        .path("threshold")
                        .asDouble())
                .isEqualTo(threshold);
    }

    @Test
    void accepts_integral_thresholds_zero_and_one() {
        readValid("{\"config_id\": \"nsfw_text\", \"threshold\": 0}");
        readValid("{\"config_id\": \"nsfw_text\", \"threshold\": 1}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.1", "1.01", "2", "-1"})
    void rejects_a_threshold_outside_zero_to_one(String threshold) {
        assertThat(errorsOf("{\"config_id\": \"bias_check\", \"threshold\": " + threshold + "}"))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("guardrail.threshold", "value_error"));
    }

    @Test
    void rejects_a_threshold_that_is_not_a_number() {
        assertThat(errorsOf("{\"config_id\": \"bias_check\", \"threshold\": \"high\"}"))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("guardrail.threshold", "float_type"));
    }

    @Test
    void rejects_model_armor_as_not_run_by_this_server() {
        List<FieldError> errors = errorsOf("""
                {"config_id": "model_armor", "project_id": "p", "location": "l", "template_id": "t"}
                """);

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("guardrail.config_id");
            assertThat(error.code()).isEqualTo("unsupported");
            assertThat(error.message()).contains("model_armor");
        });
    }

    @Test
    void rejects_an_unknown_config_id_and_lists_the_known_ones() {
        List<FieldError> errors = errorsOf("{\"config_id\": \"profanity\"}");

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("guardrail.config_id");
            assertThat(error.code()).isEqualTo("enum");
            assertThat(error.message()).contains("profanity", "ban_list", "toxic_language", "restrict_to_topic");
        });
    }

    @Test
    void requires_a_config_id() {
        assertThat(errorsOf("{\"banned_words\": [\"foo\"]}"))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("guardrail.config_id", "missing"));
    }

    @Test
    void rejects_api_key_and_reject_message_that_are_not_strings() {
        assertThat(errorsOf("""
                        {"config_id": "restrict_to_topic", "valid_topics": ["a"], "api_key": ["k"], "reject_message": {"text": "no"}}
                        """))
                .extracting(FieldError::field, FieldError::code)
                .containsExactlyInAnyOrder(
                        tuple("guardrail.api_key", "string_type"), tuple("guardrail.reject_message", "string_type"));
    }

    @Test
    void rejects_a_guardrail_that_is_not_an_object() {
        assertThat(errorsOf("\"ban_list\""))
                .extracting(FieldError::field, FieldError::code)
                .contains(tuple("guardrail", "model_type"));
    }

    @Test
    void cannot_be_changed_through_its_fields() {
        var fields = Json.object().put("threshold", 0.5);
        GuardrailConfig config = new GuardrailConfig("nsfw_text", fields);

        fields.put("threshold", 0.9);
        config.fields().put("threshold", 0.1);
        config.toJson().put("threshold", 0.2);

        assertThat(config.fields()).isEqualTo(Json.parse("{\"threshold\": 0.5, \"config_id\": \"nsfw_text\"}"));
    }

    @Test
    void accepts_on_fail_block_or_fix_and_fix_only_for_guards_that_redact() {
        assertThat(readValid("{\"config_id\": \"ban_list\", \"banned_words\": [\"x\"], \"on_fail\": \"fix\"}")
                        .fixes())
                .isTrue();
        assertThat(readValid("{\"config_id\": \"detect_pii\", \"pii_entities\": [\"Email\"]}")
                        .fixes())
                .isFalse();
        readValid("{\"config_id\": \"nsfw_text\", \"threshold\": 0.5, \"on_fail\": \"block\"}");
        assertThat(errorsOf("{\"config_id\": \"nsfw_text\", \"threshold\": 0.5, \"on_fail\": \"fix\"}"))
                .singleElement()
                .satisfies(error -> {
                    assertThat(error.field()).isEqualTo("guardrail.on_fail");
                    assertThat(error.message()).contains("nsfw_text cannot redact", "ban_list");
                });
        assertThat(errorsOf("{\"config_id\": \"ban_list\", \"banned_words\": [\"x\"], \"on_fail\": \"noop\"}"))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("guardrail.on_fail", "literal_error"));
    }

    @Test
    void checks_regex_match_pattern_and_match_type() {
        readValid("{\"config_id\": \"regex_match\", \"regex\": \"^[A-Z]{3}-\\\\d+$\", \"match_type\": \"fullmatch\"}");
        assertThat(errorsOf("{\"config_id\": \"regex_match\", \"regex\": \"([a-z\", \"match_type\": \"exact\"}"))
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder("guardrail.regex", "guardrail.match_type");
    }

    @Test
    void refuses_pii_entities_languages_and_code_languages_it_does_not_know() {
        readValid(
                "{\"config_id\": \"detect_pii\", \"pii_entities\": [\"Email\", \"PHONE_NUMBER\", \"SSN\", \"IBAN\"]}");
        assertThat(errorsOf("{\"config_id\": \"detect_pii\", \"pii_entities\": [\"Email\", \"Location\"]}"))
                .singleElement()
                .satisfies(error -> {
                    assertThat(error.field()).isEqualTo("guardrail.pii_entities.1");
                    assertThat(error.message()).contains("Location", "EMAIL_ADDRESS");
                });
        assertThat(errorsOf("{\"config_id\": \"correct_language\", \"expected_languages\": [\"en\", \"english\"]}"))
                .extracting(FieldError::field)
                .containsExactly("guardrail.expected_languages.1");
        assertThat(errorsOf("{\"config_id\": \"code_scanner\", \"allowed_languages\": [\"cobol\"]}"))
                .extracting(FieldError::field)
                .containsExactly("guardrail.allowed_languages.0");
        assertThat(errorsOf("{\"config_id\": \"ban_list\", \"banned_words\": [\" , \"]}"))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("guardrail.banned_words", "too_short"));
    }

    @Test
    void llm_judges_take_an_optional_model_section() {
        readValid("{\"config_id\": \"custom_llm\", \"prompt\": \"No medical advice.\"}");
        readValid("{\"config_id\": \"rag_hallucination\", \"threshold\": 0.5,"
                + " \"model\": {\"provider\": \"openai\", \"name\": \"gpt-4o-mini\"}}");
        assertThat(errorsOf("{\"config_id\": \"custom_llm\", \"prompt\": \"x\", \"model\": \"OpenAi GPT-5 mini\"}"))
                .extracting(FieldError::field)
                .containsExactly("guardrail.model");
    }

    @Test
    void flattens_legacy_guard_params() {
        GuardrailConfig config = readValid("""
                {"config_id": "detect_pii", "guard_params": {"pii_entities": ["Email"], "on_fail": "exception"}}
                """);

        assertThat(config.toJson()).isEqualTo(Json.parse("""
                {"config_id": "detect_pii", "pii_entities": ["Email"], "on_fail": "exception"}"""));
        assertThat(config.fixes()).isFalse();
    }

    @Test
    void positions_have_lower_case_wire_names() {
        assertThat(GuardrailPosition.INPUT.wire()).isEqualTo("input");
        assertThat(GuardrailPosition.OUTPUT.wire()).isEqualTo("output");
        assertThat(GuardrailPosition.parse("output")).contains(GuardrailPosition.OUTPUT);
        assertThat(GuardrailPosition.parse("INPUT")).isEmpty();
    }
}
