package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {
    private static String problems(Map<String, String> env) {
        SettingsException error = catchThrowableOfType(SettingsException.class, () -> Settings.fromEnv(env));
        assertThat(error).as("expected settings to be rejected").isNotNull();
        return error.getMessage();
    }

    @Test
    void uses_defaults_for_an_empty_environment() {
        Settings settings = Settings.fromEnv(Map.of());

        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(8000);
        assertThat(settings.databaseUrl()).isEqualTo("sqlite:///./idun.db").isEqualTo(Settings.DEFAULT_DATABASE_URL);
        assertThat(settings.configPath()).isEqualTo(Path.of("./config.yaml"));
        assertThat(settings.seedStarter()).isTrue();
        assertThat(settings.authMode()).isEqualTo("none");
        assertThat(settings.drainTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.configPollInterval()).isEqualTo(Duration.ofMillis(2000));
    }

    @Test
    void reads_every_variable() {
        Settings settings = Settings.fromEnv(Map.of(
                "IDUN_HOST", "0.0.0.0",
                "IDUN_PORT", "9000",
                "DATABASE_URL", "postgresql://idun:Secret@db:5432/Idun",
                "IDUN_CONFIG_PATH", "/etc/idun/config.yaml",
                "IDUN_SEED_STARTER", "false",
                "IDUN_ADMIN_AUTH_MODE", "none",
                "IDUN_RELOAD_DRAIN_SECONDS", "5",
                "IDUN_CONFIG_POLL_MILLIS", "500",
                "IDUN_TRACES_RETENTION_DAYS", "7"));

        assertThat(settings)
                .isEqualTo(new Settings(
                        "0.0.0.0",
                        9000,
                        "postgresql://idun:Secret@db:5432/Idun",
                        Path.of("/etc/idun/config.yaml"),
                        false,
                        "none",
                        Duration.ofSeconds(5),
                        Duration.ofMillis(500),
                        "",
                        "",
                        24,
                        7,
                        new ChannelSettings(
                                "https://graph.facebook.com",
                                "https://slack.com/api",
                                "https://api.telegram.org",
                                false,
                                8,
                                1000,
                                ChatPlatformEndpoints.fromEnv(Map.of()))));
    }

    @Test
    void reads_channel_settings() {
        Settings settings = Settings.fromEnv(Map.of(
                "IDUN_WHATSAPP_API_BASE_URL", "http://127.0.0.1:9100",
                "IDUN_SLACK_API_BASE_URL", "http://127.0.0.1:9101/api",
                "IDUN_TELEGRAM_API_BASE_URL", "http://127.0.0.1:9102",
                "IDUN_LOG_MESSAGE_BODIES", "true",
                "IDUN_CHANNEL_WORKERS", "3",
                "IDUN_CHANNEL_RETRY_BASE_MILLIS", "10"));

        assertThat(settings.channels())
                .isEqualTo(new ChannelSettings(
                        "http://127.0.0.1:9100",
                        "http://127.0.0.1:9101/api",
                        "http://127.0.0.1:9102",
                        true,
                        3,
                        10,
                        ChatPlatformEndpoints.fromEnv(Map.of())));
    }

    @Test
    void reads_the_discord_google_and_teams_endpoints() {
        Settings defaults = Settings.fromEnv(Map.of());
        assertThat(defaults.channels().chatPlatforms())
                .isEqualTo(new ChatPlatformEndpoints(
                        "https://discord.com/api/v10",
                        "https://chat.googleapis.com/v1",
                        null,
                        "https://www.googleapis.com/service_accounts/v1/jwk/chat@system.gserviceaccount.com",
                        "https://www.googleapis.com/oauth2/v3/certs",
                        null,
                        "https://login.botframework.com/v1/.well-known/openidconfiguration"));

        Settings settings = Settings.fromEnv(Map.of(
                "IDUN_DISCORD_API_BASE_URL", "http://127.0.0.1:9200/api/v10",
                "IDUN_GOOGLE_CHAT_API_BASE_URL", "http://127.0.0.1:9201/v1",
                "IDUN_GOOGLE_OAUTH_TOKEN_URL", "http://127.0.0.1:9201/token",
                "IDUN_GOOGLE_CHAT_JWKS_URL", "http://127.0.0.1:9201/chat-jwks",
                "IDUN_GOOGLE_ID_TOKEN_JWKS_URL", "http://127.0.0.1:9201/id-jwks",
                "IDUN_TEAMS_TOKEN_URL", "http://127.0.0.1:9202/token",
                "IDUN_TEAMS_OPENID_METADATA_URL", "http://127.0.0.1:9202/openid"));
        assertThat(settings.channels().chatPlatforms())
                .isEqualTo(new ChatPlatformEndpoints(
                        "http://127.0.0.1:9200/api/v10",
                        "http://127.0.0.1:9201/v1",
                        "http://127.0.0.1:9201/token",
                        "http://127.0.0.1:9201/chat-jwks",
                        "http://127.0.0.1:9201/id-jwks",
                        "http://127.0.0.1:9202/token",
                        "http://127.0.0.1:9202/openid"));
    }

    @Test
    void rejects_bad_channel_settings() {
        assertThatThrownBy(
                        () -> Settings.fromEnv(Map.of("IDUN_LOG_MESSAGE_BODIES", "maybe", "IDUN_CHANNEL_WORKERS", "0")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("IDUN_LOG_MESSAGE_BODIES")
                .hasMessageContaining("IDUN_CHANNEL_WORKERS");
    }

    @Test
    void reads_names_case_insensitively() {
        Settings settings = Settings.fromEnv(Map.of(
                "idun_port", "9001",
                "Idun_Host", "::1",
                "database_url", "sqlite:///./other.db",
                "iDuN_sEeD_sTaRtEr", "no"));

        assertThat(settings.port()).isEqualTo(9001);
        assertThat(settings.host()).isEqualTo("::1");
        assertThat(settings.databaseUrl()).isEqualTo("sqlite:///./other.db");
        assertThat(settings.seedStarter()).isFalse();
    }

    @Test
    void keeps_the_case_of_values_and_trims_surrounding_spaces() {
        Settings settings = Settings.fromEnv(Map.of(
                "DATABASE_URL", " sqlite:///./Data/Idun.db ", "IDUN_PORT", " 8080 ", "IDUN_CONFIG_PATH", " My.yaml"));

        assertThat(settings.databaseUrl()).isEqualTo("sqlite:///./Data/Idun.db");
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.configPath()).isEqualTo(Path.of("My.yaml"));
    }

    @Test
    void ignores_unknown_variables() {
        Settings settings = Settings.fromEnv(Map.of("PATH", "/usr/bin", "IDUN_UNKNOWN", "x", "IDUN_PORTS", "abc"));

        assertThat(settings).isEqualTo(Settings.fromEnv(Map.of()));
    }

    @Test
    void uses_defaults_for_blank_numbers_and_booleans() {
        Settings settings = Settings.fromEnv(Map.of(
                "IDUN_PORT", "",
                "IDUN_SEED_STARTER", " ",
                "IDUN_RELOAD_DRAIN_SECONDS", "",
                "IDUN_CONFIG_POLL_MILLIS", "  "));

        assertThat(settings).isEqualTo(Settings.fromEnv(Map.of()));
    }

    @ParameterizedTest
    @CsvSource({
        "true, true",
        "TRUE, true",
        "1, true",
        "yes, true",
        "On, true",
        "false, false",
        "0, false",
        "NO, false",
        "off, false"
    })
    void reads_the_usual_boolean_spellings(String value, boolean expected) {
        assertThat(Settings.fromEnv(Map.of("IDUN_SEED_STARTER", value)).seedStarter())
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "IDUN_PORT, 0",
        "IDUN_PORT, 65535",
        "IDUN_RELOAD_DRAIN_SECONDS, 0",
        "IDUN_RELOAD_DRAIN_SECONDS, 3600",
        "IDUN_CONFIG_POLL_MILLIS, 100",
        "IDUN_CONFIG_POLL_MILLIS, 600000"
    })
    void accepts_numbers_at_the_ends_of_their_range(String name, String value) {
        Settings.fromEnv(Map.of(name, value));
    }

    @ParameterizedTest
    @CsvSource({
        "IDUN_PORT, -1, 0, 65535",
        "IDUN_PORT, 65536, 0, 65535",
        "IDUN_RELOAD_DRAIN_SECONDS, -1, 0, 3600",
        "IDUN_RELOAD_DRAIN_SECONDS, 3601, 0, 3600",
        "IDUN_CONFIG_POLL_MILLIS, 99, 100, 600000",
        "IDUN_CONFIG_POLL_MILLIS, 600001, 100, 600000"
    })
    void rejects_numbers_out_of_range_and_names_the_range(String name, String value, String min, String max) {
        assertThat(problems(Map.of(name, value)))
                .isEqualTo(name + " must be between " + min + " and " + max + ", not " + value + ".");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eighty", "80.5", "8e3", "99999999999"})
    void rejects_a_port_that_is_not_a_whole_number(String value) {
        assertThat(problems(Map.of("IDUN_PORT", value)))
                .isEqualTo("IDUN_PORT must be a whole number, not '" + value + "'.");
    }

    @Test
    void rejects_a_boolean_it_does_not_know() {
        assertThat(problems(Map.of("IDUN_SEED_STARTER", "maybe")))
                .isEqualTo("IDUN_SEED_STARTER must be true or false, not 'maybe'.");
    }

    @Test
    void reports_every_problem_together() {
        String message = problems(Map.of(
                "IDUN_PORT", "abc",
                "IDUN_SEED_STARTER", "maybe",
                "IDUN_ADMIN_AUTH_MODE", "PASSWORD",
                "IDUN_RELOAD_DRAIN_SECONDS", "-5",
                "IDUN_CONFIG_POLL_MILLIS", "ten"));

        assertThat(message.split("\n"))
                .containsExactlyInAnyOrder(
                        "IDUN_PORT must be a whole number, not 'abc'.",
                        "IDUN_SEED_STARTER must be true or false, not 'maybe'.",
                        "IDUN_ADMIN_AUTH_MODE must be exactly 'none' or 'password', not 'PASSWORD'.",
                        "IDUN_RELOAD_DRAIN_SECONDS must be between 0 and 3600, not -5.",
                        "IDUN_CONFIG_POLL_MILLIS must be a whole number, not 'ten'.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PASSWORD", "Password", "None", "NONE", "oidc", "off", ""})
    void rejects_an_auth_mode_other_than_none_or_password(String mode) {
        assertThat(problems(Map.of("IDUN_ADMIN_AUTH_MODE", mode)))
                .isEqualTo("IDUN_ADMIN_AUTH_MODE must be exactly 'none' or 'password', not '" + mode + "'.");
    }

    @Test
    void accepts_auth_mode_none_with_surrounding_spaces() {
        assertThat(Settings.fromEnv(Map.of("idun_admin_auth_mode", " none ")).authMode())
                .isEqualTo("none");
    }

    @Test
    void blank_text_variables_fall_back_to_their_defaults() {
        Settings settings = Settings.fromEnv(Map.of("IDUN_HOST", " ", "DATABASE_URL", "", "IDUN_CONFIG_PATH", "  "));

        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.databaseUrl()).isEqualTo(Settings.DEFAULT_DATABASE_URL);
        assertThat(settings.configPath()).isEqualTo(Path.of("./config.yaml"));
    }

    @Test
    void with_methods_change_one_field_each() {
        Settings defaults = Settings.fromEnv(Map.of());

        assertThat(defaults.withHost("0.0.0.0").host()).isEqualTo("0.0.0.0");
        assertThat(defaults.withPort(9).port()).isEqualTo(9);
        assertThat(defaults.withDatabaseUrl("postgres://db/x").databaseUrl()).isEqualTo("postgres://db/x");
        assertThat(defaults.withConfigPath(Path.of("c.yaml")).configPath()).isEqualTo(Path.of("c.yaml"));
        assertThat(defaults.withPort(9).withPort(8000)).isEqualTo(defaults);
    }
}
