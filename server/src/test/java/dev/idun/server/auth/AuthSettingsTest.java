package dev.idun.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idun.server.Settings;
import dev.idun.server.SettingsException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthSettingsTest {
    private static final String HASH = "$2b$12$5MJImZgr8QHMux9.Z7y1vO/t1mJDsOlWJx9ojf/If.kV/CEEWltqS";

    private static Settings password(String secret) {
        return Settings.fromEnv(Map.of("IDUN_ADMIN_AUTH_MODE", "password", "IDUN_SESSION_SECRET", secret));
    }

    @Test
    void defaults_to_none_mode_without_a_secret_and_a_day_long_session() {
        Settings settings = Settings.fromEnv(Map.of());

        assertThat(settings.authMode()).isEqualTo("none");
        assertThat(settings.passwordMode()).isFalse();
        assertThat(settings.sessionSecret()).isEmpty();
        assertThat(settings.adminPasswordHash()).isEmpty();
        assertThat(settings.sessionTtlHours()).isEqualTo(24);
    }

    @Test
    void password_mode_requires_a_session_secret_of_at_least_32_characters() {
        assertThatThrownBy(() -> password("x".repeat(31)))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("IDUN_SESSION_SECRET")
                .hasMessageContaining("32");
        assertThatThrownBy(() -> Settings.fromEnv(Map.of("IDUN_ADMIN_AUTH_MODE", "password")))
                .hasMessageContaining("IDUN_SESSION_SECRET");
    }

    @Test
    void password_mode_accepts_a_secret_of_exactly_32_characters() {
        Settings settings = password("x".repeat(32));

        assertThat(settings.passwordMode()).isTrue();
        assertThat(settings.sessionSecret()).hasSize(32);
    }

    @Test
    void none_mode_does_not_require_a_session_secret() {
        assertThat(Settings.fromEnv(Map.of("IDUN_ADMIN_AUTH_MODE", "none")).sessionSecret())
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "721", "-5", "many"})
    void rejects_a_session_ttl_out_of_range(String hours) {
        assertThatThrownBy(() -> Settings.fromEnv(Map.of("IDUN_SESSION_TTL_HOURS", hours)))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("IDUN_SESSION_TTL_HOURS");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 24, 720})
    void accepts_a_session_ttl_in_range(int hours) {
        assertThat(Settings.fromEnv(Map.of("IDUN_SESSION_TTL_HOURS", Integer.toString(hours)))
                        .sessionTtlHours())
                .isEqualTo(hours);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PASSWORD", "Password", "basic", ""})
    void rejects_an_auth_mode_that_is_not_exactly_none_or_password(String mode) {
        assertThatThrownBy(() ->
                        Settings.fromEnv(Map.of("IDUN_ADMIN_AUTH_MODE", mode, "IDUN_SESSION_SECRET", "x".repeat(40))))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("IDUN_ADMIN_AUTH_MODE");
    }

    @Test
    void strips_trailing_line_breaks_from_the_secret_and_the_hash() {
        Settings settings = Settings.fromEnv(Map.of(
                "IDUN_ADMIN_AUTH_MODE", "password",
                "IDUN_SESSION_SECRET", "x".repeat(64) + "\n",
                "IDUN_ADMIN_PASSWORD_HASH", "hash-value\r\n"));

        assertThat(settings.sessionSecret()).isEqualTo("x".repeat(64));
        assertThat(settings.adminPasswordHash()).isEqualTo("hash-value");
    }

    @Test
    void does_not_count_a_trailing_line_break_toward_the_secret_length() {
        assertThatThrownBy(() -> password("x".repeat(31) + "\n")).isInstanceOf(SettingsException.class);
    }

    @Test
    void reads_variable_names_in_any_case() {
        Settings settings = Settings.fromEnv(Map.of(
                "idun_admin_auth_mode",
                "password",
                "Idun_Session_Secret",
                "y".repeat(32),
                "IDUN_SESSION_TTL_HOURS",
                "2"));

        assertThat(settings.passwordMode()).isTrue();
        assertThat(settings.sessionTtlHours()).isEqualTo(2);
    }

    @Test
    void keeps_the_secret_and_the_hash_out_of_its_text_form() {
        Settings settings = Settings.fromEnv(Map.of(
                "IDUN_ADMIN_AUTH_MODE",
                "password",
                "IDUN_SESSION_SECRET",
                "s3cr3t-".repeat(6),
                "IDUN_ADMIN_PASSWORD_HASH",
                HASH));

        assertThat(settings.toString())
                .doesNotContain("s3cr3t")
                .doesNotContain(HASH)
                .contains("password");
        assertThat(settings.withPort(0).sessionSecret()).isEqualTo("s3cr3t-".repeat(6));
    }
}
