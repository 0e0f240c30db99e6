package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.config.Json;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The auth endpoints and runtime-config.js in both auth modes, over real HTTP, against one kind of database. */
abstract class AuthEndpointsSuite {
    static final String AUTH = "/admin/api/v1/auth";
    static final String GATE_BODY = "{\"detail\":\"Authentication required.\"}";

    @TempDir
    Path dir;

    AuthFixture fixture;

    abstract String newDatabaseUrl(Path dir);

    @BeforeEach
    void create() {
        fixture = new AuthFixture(newDatabaseUrl(dir), dir);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    static String changeBody(String current, String next) {
        return "{\"currentPassword\": \"" + current + "\", \"newPassword\": \"" + next + "\"}";
    }

    @Test
    void me_in_none_mode_is_always_authenticated() {
        AuthHttp http = fixture.startNone();

        AuthHttp.Response response = http.get(AUTH + "/me");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(Json.parse("{\"authenticated\": true, \"authMode\": \"none\"}"));
    }

    @Test
    void me_in_password_mode_without_a_cookie_is_unauthenticated() {
        AuthHttp http = fixture.startPassword();

        AuthHttp.Response response = http.get(AUTH + "/me");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(Json.parse("{\"authenticated\": false, \"authMode\": \"password\"}"));
    }

    @Test
    void login_is_unavailable_in_none_mode() {
        AuthHttp http = fixture.startNone();

        AuthHttp.Response response = http.login(AuthFixture.PASSWORD);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().at("/error/code").asText()).isEqualTo("unsupported_mode");
        assertThat(response.json().at("/error/message").asText())
                .isEqualTo("Login is not available \u2014 IDUN_ADMIN_AUTH_MODE is not 'password'.");
        assertThat(response.sessionCookie()).isEmpty();
    }

    @Test
    void login_with_the_right_password_sets_the_cookie_and_authenticates() {
        AuthHttp http = fixture.startPassword();

        AuthHttp.Response response = http.login(AuthFixture.PASSWORD);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(Json.parse("{\"ok\": true}"));
        assertThat(http.session()).matches("[A-Za-z0-9_-]{43}\\.[A-Za-z0-9_-]{43}");
        assertThat(fixture.sessionRows()).isEqualTo(1);
        assertThat(http.get(AUTH + "/me").json().get("authenticated").asBoolean())
                .isTrue();
    }

    @Test
    void each_login_opens_its_own_session() {
        AuthHttp first = fixture.startPassword();
        AuthHttp second = fixture.client();

        first.login(AuthFixture.PASSWORD);
        second.login(AuthFixture.PASSWORD);

        assertThat(first.session()).isNotEqualTo(second.session());
        assertThat(fixture.sessionRows()).isEqualTo(2);
    }

    @Test
    void login_with_a_wrong_password_is_refused_as_invalid_credentials() {
        AuthHttp http = fixture.startPassword();

        AuthHttp.Response response = http.login("not-the-password");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json())
                .isEqualTo(Json.parse(
                        "{\"error\": {\"code\": \"auth_required\", \"message\": \"Invalid credentials.\"}}"));
        assertThat(response.sessionCookie()).isEmpty();
        assertThat(fixture.sessionRows()).isZero();
    }

    @Test
    void login_without_an_admin_row_is_refused_like_a_wrong_password() {
        AuthHttp http = fixture.startPassword();
        fixture.execute("DELETE FROM idun_admin_user");

        AuthHttp.Response response = http.login(AuthFixture.PASSWORD);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().at("/error/message").asText()).isEqualTo("Invalid credentials.");
    }

    @Test
    void login_without_a_password_field_fails_validation() {
        AuthHttp http = fixture.startPassword();

        AuthHttp.Response missing = http.post(AUTH + "/login", "{}");
        AuthHttp.Response notJson = http.post(AUTH + "/login", "password=hunter2");

        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().at("/error/code").asText()).isEqualTo("validation_failed");
        assertThat(missing.json().at("/error/fieldErrors/0/field").asText()).isEqualTo("password");
        assertThat(notJson.status()).isEqualTo(422);
    }

    @Test
    void logout_clears_the_cookie_and_drops_the_session() {
        AuthHttp http = fixture.startPassword();
        http.login(AuthFixture.PASSWORD);
        String cookie = http.session();

        AuthHttp.Response response = http.post(AUTH + "/logout", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(Json.parse("{\"ok\": true}"));
        AuthHttp.SetCookie cleared = response.sessionCookie().orElseThrow();
        assertThat(cleared.value()).isEmpty();
        assertThat(cleared.get("Max-Age")).isEqualTo("0");
        assertThat(cleared.get("Path")).isEqualTo("/");
        assertThat(fixture.sessionRows()).isZero();
        assertThat(http.get(AUTH + "/me").json().get("authenticated").asBoolean())
                .isFalse();
        http.session(cookie);
        assertThat(http.get(AUTH + "/me").json().get("authenticated").asBoolean())
                .isFalse();
    }

    @Test
    void logout_without_a_cookie_succeeds_in_both_modes() {
        AuthHttp password = fixture.startPassword();
        assertThat(password.post(AUTH + "/logout", null).status()).isEqualTo(200);
        password.session("garbage");
        assertThat(password.post(AUTH + "/logout", null).status()).isEqualTo(200);

        AuthHttp none = fixture.startNone();
        AuthHttp.Response response = none.post(AUTH + "/logout", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.sessionCookie().orElseThrow().value()).isEmpty();
    }

    @Test
    void change_password_keeps_the_callers_session_and_ends_every_other() {
        AuthHttp mine = fixture.startPassword();
        AuthHttp other = fixture.client();
        mine.login(AuthFixture.PASSWORD);
        other.login(AuthFixture.PASSWORD);

        AuthHttp.Response response = mine.post(AUTH + "/change-password", changeBody("hunter2", "newPass123"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(Json.parse("{\"ok\": true}"));
        assertThat(mine.get(AUTH + "/me").json().get("authenticated").asBoolean())
                .isTrue();
        assertThat(other.get(AUTH + "/me").json().get("authenticated").asBoolean())
                .isFalse();
        assertThat(fixture.sessionRows()).isEqualTo(1);
        assertThat(fixture.client().login("hunter2").status()).isEqualTo(401);
        assertThat(fixture.client().login("newPass123").status()).isEqualTo(200);
    }

    @Test
    void change_password_with_a_wrong_current_password_is_refused() {
        AuthHttp http = fixture.startPassword();
        http.login(AuthFixture.PASSWORD);

        AuthHttp.Response response = http.post(AUTH + "/change-password", changeBody("wrong-one", "newPass123"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json())
                .isEqualTo(Json.parse("{\"error\": {\"code\": \"auth_required\","
                        + " \"message\": \"Current password is incorrect.\"}}"));
        assertThat(fixture.client().login(AuthFixture.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void change_password_to_a_short_password_fails_validation() {
        AuthHttp http = fixture.startPassword();
        http.login(AuthFixture.PASSWORD);

        AuthHttp.Response response = http.post(AUTH + "/change-password", changeBody("hunter2", "short"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json())
                .isEqualTo(Json.parse("{\"error\": {\"code\": \"validation_failed\","
                        + " \"message\": \"New password must be at least 8 characters.\"}}"));
        AuthHttp.Response missing = http.post(AUTH + "/change-password", "{\"newPassword\": \"newPass123\"}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().at("/error/fieldErrors/0/field").asText()).isEqualTo("currentPassword");
    }

    @Test
    void change_password_requires_a_session() {
        AuthHttp http = fixture.startPassword();

        AuthHttp.Response response = http.post(AUTH + "/change-password", changeBody("hunter2", "newPass123"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(GATE_BODY);
    }

    @Test
    void change_password_without_an_admin_row_reports_the_missing_seed() {
        AuthHttp http = fixture.startPassword();
        http.login(AuthFixture.PASSWORD);
        fixture.execute("DELETE FROM idun_admin_user");

        AuthHttp.Response response = http.post(AUTH + "/change-password", changeBody("hunter2", "newPass123"));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().at("/error/code").asText()).isEqualTo("unsupported_mode");
        assertThat(response.json().at("/error/message").asText())
                .isEqualTo("Admin row missing \u2014 check startup seed.");
    }

    @Test
    void password_mode_does_not_start_without_an_admin_or_a_hash() {
        Map<String, String> env = new HashMap<>(AuthFixture.passwordEnv(AuthFixture.SECRET));
        env.remove("IDUN_ADMIN_PASSWORD_HASH");

        assertThatThrownBy(() -> fixture.start(env))
                .hasMessageContaining("IDUN_ADMIN_PASSWORD_HASH")
                .hasMessageContaining("idun hash-password");
    }

    @Test
    void the_stored_password_wins_over_a_later_hash_in_the_environment() {
        AuthHttp http = fixture.startPassword();
        http.login(AuthFixture.PASSWORD);
        http.post(AUTH + "/change-password", changeBody("hunter2", "newPass123"));

        AuthHttp restarted = fixture.startPassword();

        assertThat(fixture.count("idun_admin_user")).isEqualTo(1);
        assertThat(restarted.login("hunter2").status()).isEqualTo(401);
        assertThat(restarted.login("newPass123").status()).isEqualTo(200);
    }

    @Test
    void runtime_config_is_public_and_reports_the_auth_mode() {
        AuthHttp none = fixture.startNone();
        assertRuntimeConfig(none.get("/runtime-config.js"), "none");

        AuthHttp password = fixture.startPassword();
        assertRuntimeConfig(password.get("/runtime-config.js"), "password");
    }

    private static void assertRuntimeConfig(AuthHttp.Response response, String authMode) {
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/javascript");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.body()).startsWith("window.__IDUN_CONFIG__ = ").endsWith(";\n");
        String json = response.body()
                .substring("window.__IDUN_CONFIG__ = ".length(), response.body().length() - 2);
        JsonNode config = Json.parse(json);
        assertThat(config.properties()).extracting(Map.Entry::getKey).containsExactly("theme", "authMode", "layout");
        assertThat(config.get("authMode").asText()).isEqualTo(authMode);
        assertThat(config.get("layout").asText()).isEqualTo("branded");
        assertThat(config.at("/theme/appName").asText()).isEqualTo("Idun Agent");
        assertThat(config.at("/theme/colors/light").size()).isEqualTo(19);
        assertThat(config.at("/theme/colors/dark/ring").asText()).isEqualTo("rgba(217, 119, 87, 0.5)");
    }

    @Test
    void the_gate_refuses_the_admin_api_without_or_with_a_garbage_cookie() {
        AuthHttp http = fixture.startPassword();

        AuthHttp.Response none = http.get("/admin/api/v1/agent");
        http.session("garbage");
        AuthHttp.Response garbage = http.get("/admin/api/v1/integrations");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json()).isEqualTo(Json.parse(GATE_BODY));
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(garbage.body()).isEqualTo(GATE_BODY);
    }

    @Test
    void the_admin_api_opens_after_login_and_is_open_in_none_mode() {
        AuthHttp password = fixture.startPassword();
        password.login(AuthFixture.PASSWORD);
        assertThat(password.get("/admin/api/v1/integrations").status()).isEqualTo(200);
        assertThat(password.get("/admin/api/v1/runtime/status").status()).isNotEqualTo(401);

        AuthHttp none = fixture.startNone();
        assertThat(none.get("/admin/api/v1/integrations").status()).isEqualTo(200);
        assertThat(none.post("/reload", null).status()).isEqualTo(403);
    }

    @Test
    void reload_needs_a_session_before_it_says_it_is_disabled() {
        AuthHttp http = fixture.startPassword();
        assertThat(http.post("/reload", null).body()).isEqualTo(GATE_BODY);

        http.login(AuthFixture.PASSWORD);
        assertThat(http.post("/reload", null).status()).isEqualTo(403);
    }
}
