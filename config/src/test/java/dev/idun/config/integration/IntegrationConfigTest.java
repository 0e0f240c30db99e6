package dev.idun.config.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Casing;
import dev.idun.config.FieldError;
import dev.idun.config.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IntegrationConfigTest {
    /** The required fields of each provider, camelCase, with a sample value. */
    private static Map<String, String> requiredFields(IntegrationProvider provider) {
        Map<String, String> fields = new LinkedHashMap<>();
        switch (provider) {
            case WHATSAPP -> {
                fields.put("accessToken", "EAAG-token");
                fields.put("phoneNumberId", "1234567890");
                fields.put("verifyToken", "verify-me");
            }
            case SLACK -> {
                fields.put("botToken", "xoxb-1");
                fields.put("signingSecret", "slack-secret");
            }
            case DISCORD -> {
                fields.put("botToken", "discord-bot");
                fields.put("applicationId", "42");
                fields.put("publicKey", "ab12cd34");
            }
            case GOOGLE_CHAT -> {
                fields.put("serviceAccountCredentialsJson", "{\"type\":\"service_account\"}");
                fields.put("projectNumber", "987654321");
            }
            case TEAMS -> {
                fields.put("appId", "app-id");
                fields.put("appPassword", "app-password");
                fields.put("appTenantId", "tenant-id");
            }
            case TELEGRAM -> fields.put("botToken", "123:telegram");
        }
        return fields;
    }

    private static ObjectNode integration(IntegrationProvider provider, Map<String, String> config, Casing casing) {
        ObjectNode node = Json.object().put("provider", provider.name());
        ObjectNode configNode = node.putObject("config");
        config.forEach((key, value) -> configNode.put(casing.key(key), value));
        return node;
    }

    private static IntegrationConfig read(JsonNode node, List<FieldError> errors) {
        return IntegrationConfig.read(node, "integration", errors);
    }

    private static IntegrationConfig readValid(String json) {
        List<FieldError> errors = new ArrayList<>();
        IntegrationConfig config = read(Json.parse(json), errors);
        assertThat(errors).isEmpty();
        assertThat(config).isNotNull();
        return config;
    }

    private static List<FieldError> errorsOf(String json) {
        List<FieldError> errors = new ArrayList<>();
        assertThat(read(Json.parse(json), errors)).isNull();
        return errors;
    }

    static Stream<Arguments> requiredFieldsOfEveryProvider() {
        return Stream.of(IntegrationProvider.values())
                .flatMap(provider ->
                        requiredFields(provider).keySet().stream().map(field -> Arguments.of(provider, field)));
    }

    @ParameterizedTest
    @EnumSource(IntegrationProvider.class)
    void accepts_every_provider_with_camel_case_config(IntegrationProvider provider) {
        List<FieldError> errors = new ArrayList<>();
        IntegrationConfig config = read(integration(provider, requiredFields(provider), Casing.CAMEL), errors);

        assertThat(errors).isEmpty();
        assertThat(config.provider()).isEqualTo(provider);
        assertThat(config.enabled()).isTrue();
        ObjectNode written = config.config().toJson(Casing.CAMEL);
        requiredFields(provider)
                .forEach((key, value) ->
                        assertThat(written.get(key).asText()).as(key).isEqualTo(value));
    }

    @ParameterizedTest
    @EnumSource(IntegrationProvider.class)
    void accepts_every_provider_with_snake_case_config_and_reads_it_like_camel_case(IntegrationProvider provider) {
        List<FieldError> snakeErrors = new ArrayList<>();
        List<FieldError> camelErrors = new ArrayList<>();
        IntegrationConfig fromSnake = read(integration(provider, requiredFields(provider), Casing.SNAKE), snakeErrors);
        IntegrationConfig fromCamel = read(integration(provider, requiredFields(provider), Casing.CAMEL), camelErrors);

        assertThat(snakeErrors).isEmpty();
        assertThat(camelErrors).isEmpty();
        assertThat(fromSnake).isEqualTo(fromCamel);
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("requiredFieldsOfEveryProvider")
    void reports_a_missing_required_field_with_its_dotted_camel_case_path(IntegrationProvider provider, String field) {
        Map<String, String> config = requiredFields(provider);
        config.remove(field);
        List<FieldError> errors = new ArrayList<>();

        IntegrationConfig result = read(integration(provider, config, Casing.SNAKE), errors);

        assertThat(result).isNull();
        assertThat(errors)
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("integration.config." + field, "missing"));
    }

    @ParameterizedTest
    @EnumSource(IntegrationProvider.class)
    void reports_every_missing_required_field_of_an_empty_config_at_once(IntegrationProvider provider) {
        List<FieldError> errors = new ArrayList<>();

        read(integration(provider, Map.of(), Casing.CAMEL), errors);

        assertThat(errors)
                .extracting(FieldError::field)
                .containsExactlyInAnyOrderElementsOf(requiredFields(provider).keySet().stream()
                        .map(field -> "integration.config." + field)
                        .toList());
        assertThat(errors).extracting(FieldError::code).containsOnly("missing");
    }

    @Test
    void rejects_whatsapp_integration_without_phone_number_id() {
        List<FieldError> errors = errorsOf("""
                {"provider": "WHATSAPP", "config": {"accessToken": "t", "verifyToken": "v"}}
                """);

        assertThat(errors)
                .containsExactly(new FieldError("integration.config.phoneNumberId", "Field required", "missing"));
    }

    @Test
    void rejects_a_blank_required_field() {
        List<FieldError> errors = errorsOf("""
                {"provider": "SLACK", "config": {"botToken": "  ", "signingSecret": "s"}}
                """);

        assertThat(errors)
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("integration.config.botToken", "string_too_short"));
    }

    @Test
    void rejects_an_unknown_provider_and_names_the_known_ones() {
        List<FieldError> errors = errorsOf("""
                {"provider": "SIGNAL", "config": {"botToken": "t"}}
                """);

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("integration.provider");
            assertThat(error.code()).isEqualTo("enum");
            assertThat(error.message()).contains("WHATSAPP", "SLACK", "DISCORD", "GOOGLE_CHAT", "TEAMS", "TELEGRAM");
        });
    }

    @Test
    void reports_a_missing_provider() {
        assertThat(errorsOf("{\"config\": {}}"))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("integration.provider", "missing"));
    }

    @Test
    void reports_a_missing_config() {
        assertThat(errorsOf("{\"provider\": \"SLACK\"}"))
                .extracting(FieldError::field, FieldError::code)
                .contains(tuple("integration.config", "missing"));
    }

    @Test
    void rejects_a_config_that_is_not_an_object() {
        assertThat(errorsOf("{\"provider\": \"SLACK\", \"config\": \"xoxb\"}"))
                .extracting(FieldError::field, FieldError::code)
                .contains(tuple("integration.config", "model_type"));
    }

    @Test
    void rejects_an_integration_that_is_not_an_object() {
        assertThat(errorsOf("[1, 2]"))
                .extracting(FieldError::field, FieldError::code)
                .contains(tuple("integration", "model_type"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"whatsapp", "WhatsApp", "WHATSAPP", " whatsapp "})
    void reads_the_provider_case_insensitively(String provider) {
        IntegrationConfig config = readValid("""
                {"provider": "%s", "config": {"accessToken": "t", "phoneNumberId": "1", "verifyToken": "v"}}
                """.formatted(provider));

        assertThat(config.provider()).isEqualTo(IntegrationProvider.WHATSAPP);
        assertThat(config.toJson(Casing.CAMEL).get("provider").asText()).isEqualTo("WHATSAPP");
    }

    @Test
    void reads_google_chat_provider_written_in_lower_case() {
        IntegrationConfig config = readValid("""
                {"provider": "google_chat", "config": {"service_account_credentials_json": "{}", "project_number": "7"}}
                """);

        assertThat(config.provider()).isEqualTo(IntegrationProvider.GOOGLE_CHAT);
    }

    @Test
    void defaults_whatsapp_api_version_to_v21() {
        IntegrationConfig config = readValid("""
                {"provider": "WHATSAPP", "config": {"accessToken": "t", "phoneNumberId": "1", "verifyToken": "v"}}
                """);

        assertThat(config.config()).isEqualTo(new WhatsAppConfig("t", "1", "v", "v21.0", null));
        assertThat(WhatsAppConfig.DEFAULT_API_VERSION).isEqualTo("v21.0");
    }

    @Test
    void keeps_an_explicit_whatsapp_api_version_and_app_secret() {
        IntegrationConfig config = readValid("""
                {"provider": "WHATSAPP", "config": {"access_token": "t", "phone_number_id": "1",
                  "verify_token": "v", "api_version": "v19.0", "app_secret": "shh"}}
                """);

        assertThat(config.config()).isEqualTo(new WhatsAppConfig("t", "1", "v", "v19.0", "shh"));
    }

    @Test
    void defaults_google_chat_local_mode_to_false() {
        IntegrationConfig config = readValid("""
                {"provider": "GOOGLE_CHAT", "config": {"serviceAccountCredentialsJson": "{}", "projectNumber": "7"}}
                """);

        assertThat(config.config()).isEqualTo(new GoogleChatConfig("{}", "7", false));
    }

    @Test
    void reads_google_chat_local_mode_in_snake_case() {
        IntegrationConfig config = readValid("""
                {"provider": "GOOGLE_CHAT", "config": {"serviceAccountCredentialsJson": "{}", "projectNumber": "7",
                  "local_mode": true}}
                """);

        assertThat(((GoogleChatConfig) config.config()).localMode()).isTrue();
    }

    @Test
    void rejects_a_local_mode_that_is_not_a_boolean() {
        assertThat(errorsOf("""
                        {"provider": "GOOGLE_CHAT", "config": {"serviceAccountCredentialsJson": "{}",
                          "projectNumber": "7", "localMode": "sometimes"}}
                        """))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("integration.config.localMode", "bool_type"));
    }

    @Test
    void defaults_optional_discord_and_telegram_fields_to_null() {
        IntegrationConfig discord = readValid("""
                {"provider": "DISCORD", "config": {"botToken": "b", "applicationId": "a", "publicKey": "p"}}
                """);
        IntegrationConfig telegram = readValid("""
                {"provider": "TELEGRAM", "config": {"botToken": "b"}}
                """);

        assertThat(discord.config()).isEqualTo(new DiscordConfig("b", "a", "p", null));
        assertThat(telegram.config()).isEqualTo(new TelegramConfig("b", null));
    }

    @Test
    void enabled_defaults_to_true_and_can_be_switched_off() {
        String config = "\"config\": {\"botToken\": \"b\", \"signingSecret\": \"s\"}";

        assertThat(readValid("{\"provider\": \"SLACK\", " + config + "}").enabled())
                .isTrue();
        assertThat(readValid("{\"provider\": \"SLACK\", \"enabled\": false, " + config + "}")
                        .enabled())
                .isFalse();
    }

    @Test
    void rejects_an_enabled_flag_that_is_not_a_boolean() {
        assertThat(errorsOf("""
                        {"provider": "SLACK", "enabled": "yes", "config": {"botToken": "b", "signingSecret": "s"}}
                        """))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("integration.enabled", "bool_type"));
    }

    @Test
    void reads_a_numeric_phone_number_id_as_its_digits() {
        IntegrationConfig config = readValid("""
                {"provider": "WHATSAPP",
                 "config": {"accessToken": "t", "phoneNumberId": 15551234567, "verifyToken": "v"}}
                """);

        assertThat(((WhatsAppConfig) config.config()).phoneNumberId()).isEqualTo("15551234567");
    }

    @Test
    void rejects_a_required_field_that_is_not_a_string() {
        assertThat(errorsOf("""
                        {"provider": "SLACK", "config": {"botToken": ["b"], "signingSecret": "s"}}
                        """))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("integration.config.botToken", "string_type"));
    }

    @Test
    void ignores_unknown_fields() {
        IntegrationConfig config = readValid("""
                {"provider": "SLACK", "surprise": 1, "config": {"botToken": "b", "signingSecret": "s", "extra": true}}
                """);

        assertThat(config.config()).isEqualTo(new SlackConfig("b", "s"));
    }

    @Test
    void camel_case_output_includes_null_fields() {
        IntegrationConfig config = new IntegrationConfig(
                IntegrationProvider.WHATSAPP, true, new WhatsAppConfig("t", "123", "v", "v21.0", null));

        assertThat(config.toJson(Casing.CAMEL)).isEqualTo(Json.parse("""
                        {"provider": "WHATSAPP", "enabled": true, "config": {"accessToken": "t", "phoneNumberId": "123",
                          "verifyToken": "v", "apiVersion": "v21.0", "appSecret": null}}
                        """));
    }

    @Test
    void snake_case_output_omits_null_fields() {
        IntegrationConfig config = new IntegrationConfig(
                IntegrationProvider.WHATSAPP, false, new WhatsAppConfig("t", "123", "v", "v21.0", null));

        assertThat(config.toJson(Casing.SNAKE)).isEqualTo(Json.parse("""
                        {"provider": "WHATSAPP", "enabled": false, "config": {"access_token": "t",
                          "phone_number_id": "123", "verify_token": "v", "api_version": "v21.0"}}
                        """));
    }

    @Test
    void writes_every_provider_in_both_casings() {
        assertThat(new DiscordConfig("b", "a", "p", null).toJson(Casing.CAMEL))
                .isEqualTo(Json.parse(
                        "{\"botToken\":\"b\",\"applicationId\":\"a\",\"publicKey\":\"p\",\"guildId\":null}"));
        assertThat(new DiscordConfig("b", "a", "p", "g").toJson(Casing.SNAKE))
                .isEqualTo(Json.parse(
                        "{\"bot_token\":\"b\",\"application_id\":\"a\",\"public_key\":\"p\",\"guild_id\":\"g\"}"));
        assertThat(new SlackConfig("b", "s").toJson(Casing.SNAKE))
                .isEqualTo(Json.parse("{\"bot_token\":\"b\",\"signing_secret\":\"s\"}"));
        assertThat(new GoogleChatConfig("{}", "7", true).toJson(Casing.SNAKE))
                .isEqualTo(Json.parse(
                        "{\"service_account_credentials_json\":\"{}\",\"project_number\":\"7\",\"local_mode\":true}"));
        assertThat(new TeamsConfig("i", "p", "t").toJson(Casing.CAMEL))
                .isEqualTo(Json.parse("{\"appId\":\"i\",\"appPassword\":\"p\",\"appTenantId\":\"t\"}"));
        assertThat(new TelegramConfig("b", null).toJson(Casing.CAMEL))
                .isEqualTo(Json.parse("{\"botToken\":\"b\",\"secretToken\":null}"));
        assertThat(new TelegramConfig("b", null).toJson(Casing.SNAKE)).isEqualTo(Json.parse("{\"bot_token\":\"b\"}"));
    }

    @ParameterizedTest
    @EnumSource(IntegrationProvider.class)
    void reads_back_what_it_writes_in_either_casing(IntegrationProvider provider) {
        List<FieldError> errors = new ArrayList<>();
        IntegrationConfig original = read(integration(provider, requiredFields(provider), Casing.CAMEL), errors)
                .withEnabled(false);

        for (Casing casing : Casing.values()) {
            IntegrationConfig again = read(original.toJson(casing), errors);
            assertThat(errors).isEmpty();
            assertThat(again).as(casing.name()).isEqualTo(original);
        }
    }

    @Test
    void with_enabled_changes_only_the_switch() {
        IntegrationConfig on = new IntegrationConfig(IntegrationProvider.SLACK, true, new SlackConfig("b", "s"));

        IntegrationConfig off = on.withEnabled(false);

        assertThat(off.enabled()).isFalse();
        assertThat(off.provider()).isEqualTo(on.provider());
        assertThat(off.config()).isEqualTo(on.config());
        assertThat(on.enabled()).isTrue();
    }

    @Test
    void every_provider_has_a_display_name() {
        assertThat(Stream.of(IntegrationProvider.values()).map(IntegrationProvider::displayName))
                .containsExactly("WhatsApp", "Slack", "Discord", "Google Chat", "Teams", "Telegram");
    }
}
