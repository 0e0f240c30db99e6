package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.router.Endpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The password-mode gate over every route the server registers, the cross-site write check and the login rate
 * limit, over real HTTP, against one kind of database.
 */
abstract class AuthGateSuite {
    static final String SAMPLE_ID = "3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b";
    /** Routes open without a session in password mode; every other admin, agent and engine route is closed. */
    static final Set<String> OPEN = Set.of(
            "/",
            "/health",
            "/runtime-config.js",
            "/sso/info",
            "/admin/api/v1/auth/me",
            "/admin/api/v1/auth/login",
            "/admin/api/v1/auth/logout",
            "/agent/run",
            "/agent/stream",
            "/agent/copilotkit/stream",
            "/agent/invoke",
            "/agent/capabilities",
            "/agent/sessions");

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

    static boolean expectedOpen(String path) {
        if (OPEN.contains(path) || path.startsWith("/agent/sessions/")) {
            return true;
        }
        boolean closedArea = path.startsWith("/admin/api/")
                || path.startsWith("/agent/")
                || path.startsWith("/_engine/")
                || path.equals("/reload");
        return !closedArea;
    }

    static String concrete(String pattern) {
        return pattern.replaceAll("\\{[^}]+}", SAMPLE_ID).replaceAll("<[^>]+>", SAMPLE_ID);
    }

    List<Endpoint> routes() {
        List<Endpoint> routes = fixture.server.server.httpRoutes();
        assertThat(routes)
                .extracting(endpoint -> endpoint.path)
                .contains(
                        "/admin/api/v1/auth/me",
                        "/admin/api/v1/auth/change-password",
                        "/admin/api/v1/integrations",
                        "/agent/run",
                        "/reload",
                        "/runtime-config.js");
        return routes;
    }

    static AuthHttp.Response call(AuthHttp http, Endpoint endpoint) {
        String method = endpoint.method.name();
        String body = Set.of("POST", "PUT", "PATCH").contains(method) ? "{}" : null;
        return http.send(method, concrete(endpoint.path), body);
    }

    @Test
    void every_route_without_a_session_is_closed_unless_it_is_public() {
        AuthHttp http = fixture.startPassword();

        for (Endpoint endpoint : routes()) {
            String path = concrete(endpoint.path);
            AuthHttp.Response response = call(http, endpoint);
            String route = endpoint.method.name() + " " + endpoint.path;
            if (expectedOpen(path)) {
                assertThat(response.isGateRefusal()).as(route).isFalse();
            } else {
                assertThat(response.status()).as(route).isEqualTo(401);
                assertThat(response.body()).as(route).isEqualTo(AuthEndpointsSuite.GATE_BODY);
            }
        }
    }

    @Test
    void every_route_opens_with_a_valid_session() {
        AuthHttp http = fixture.startPassword();
        http.login(AuthFixture.PASSWORD);

        for (Endpoint endpoint : routes()) {
            if (endpoint.path.equals("/admin/api/v1/auth/logout")) {
                continue;
            }
            AuthHttp.Response response = call(http, endpoint);
            String route = endpoint.method.name() + " " + endpoint.path + ": " + response.body();
            assertThat(response.status()).as(route).isNotEqualTo(401);
            boolean refusedByCsrf = response.status() == 403 && response.body().contains("\"code\":\"forbidden\"");
            assertThat(refusedByCsrf).as(route).isFalse();
        }
    }

    @Test
    void every_route_is_open_in_none_mode() {
        AuthHttp http = fixture.startNone();

        for (Endpoint endpoint : routes()) {
            AuthHttp.Response response = call(http.crossSite(), endpoint);
            assertThat(response.status())
                    .as(endpoint.method.name() + " " + endpoint.path)
                    .isNotEqualTo(401);
        }
    }

    @Test
    void spellings_of_a_private_path_that_reach_the_same_handler_are_closed() {
        AuthHttp http = fixture.startPassword();

        for (String path : List.of(
                "/admin/api/v1/integrations/",
                "//admin/api/v1/integrations",
                "/admin//api/v1/integrations",
                "/reload/",
                "/agent/config",
                "/agent/config/",
                "/_engine/info",
                "/admin/api/anything-else")) {
            AuthHttp.Response response = http.get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
        }
        assertThat(http.post("/reload/", null).body()).isEqualTo(AuthEndpointsSuite.GATE_BODY);
    }

    @Test
    void chat_routes_and_web_ui_paths_stay_open() {
        AuthHttp http = fixture.startPassword();

        for (String path : List.of(
                "/agent/invoke",
                "/agent/capabilities",
                "/agent/sessions",
                "/agent/sessions/thread-1",
                "/admin",
                "/admin/dashboard",
                "/login",
                "/_next/static/chunk.js",
                "/some/random/spa/route")) {
            assertThat(http.get(path).isGateRefusal()).as(path).isFalse();
        }
        assertThat(http.post("/agent/run", "{}").status()).isEqualTo(422);
    }

    @Test
    void a_cookie_carrying_admin_write_without_a_same_origin_header_is_forbidden() {
        AuthHttp http = fixture.startPassword();
        http.login(AuthFixture.PASSWORD);
        http.crossSite();

        for (String[] headers : List.of(
                new String[0],
                new String[] {"Origin", "https://evil.example"},
                new String[] {"Origin", "null"},
                new String[] {"Origin", http.origin().replace("127.0.0.1", "localhost")},
                new String[] {"Origin", http.origin().replace("http:", "https:")},
                new String[] {"Origin", http.origin() + ".evil.example"})) {
            AuthHttp.Response response = http.post("/admin/api/v1/integrations", "{}", headers);
            assertThat(response.status()).as(String.join(" ", headers)).isEqualTo(403);
            assertThat(response.json().at("/error/code").asText()).isEqualTo("forbidden");
        }
        assertThat(http.send("DELETE", "/admin/api/v1/integrations/" + SAMPLE_ID, null)
                        .status())
                .isEqualTo(403);
        assertThat(http.post(AuthEndpointsSuite.AUTH + "/change-password", "{}").status())
                .isEqualTo(403);
        assertThat(fixture.count("idun_integration")).isZero();
    }

    @Test
    void a_same_origin_or_marked_admin_write_passes_the_cross_site_check() {
        AuthHttp http = fixture.startPassword();
        http.login(AuthFixture.PASSWORD);
        http.crossSite();

        assertThat(http.post("/admin/api/v1/integrations", "{}", "Origin", http.origin())
                        .status())
                .isEqualTo(422);
        assertThat(http.post("/admin/api/v1/integrations", "{}", "Origin", http.origin() + "/")
                        .status())
                .isEqualTo(403);
        assertThat(http.post("/admin/api/v1/integrations", "{}", "X-Requested-With", "XMLHttpRequest")
                        .status())
                .isEqualTo(422);
        assertThat(http.post(
                                "/admin/api/v1/integrations",
                                "{}",
                                "Origin",
                                "https://admin.example.com",
                                "X-Forwarded-Proto",
                                "https",
                                "X-Forwarded-Host",
                                "admin.example.com")
                        .status())
                .isEqualTo(422);
        assertThat(http.post(
                                "/admin/api/v1/integrations",
                                "{}",
                                "Origin",
                                "https://admin.example.com:443",
                                "X-Forwarded-Proto",
                                "https",
                                "X-Forwarded-Host",
                                "admin.example.com")
                        .status())
                .isEqualTo(422);
        assertThat(http.get("/admin/api/v1/integrations").status()).isEqualTo(200);
    }

    @Test
    void writes_without_a_cookie_are_not_cross_site_checked() {
        AuthHttp http = fixture.startPassword().crossSite();

        assertThat(http.login(AuthFixture.PASSWORD).status()).isEqualTo(200);
        http.session(null);
        assertThat(http.post("/admin/api/v1/integrations", "{}").body()).isEqualTo(AuthEndpointsSuite.GATE_BODY);
        assertThat(http.post("/agent/run", "{}").status()).isEqualTo(422);

        AuthHttp none = fixture.startNone().crossSite();
        none.session("leftover-cookie");
        assertThat(none.post("/admin/api/v1/integrations", "{}").status()).isEqualTo(422);
    }

    @Test
    void login_is_refused_for_five_minutes_after_five_failures_even_with_the_right_password() {
        AuthHttp http = fixture.startPassword();
        for (int i = 0; i < 5; i++) {
            assertThat(http.login("wrong-" + i).status()).isEqualTo(401);
        }

        AuthHttp.Response limited = http.login(AuthFixture.PASSWORD);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().at("/error/code").asText()).isEqualTo("rate_limited");
        assertThat(limited.headers().firstValue("Retry-After")).contains("300");
        assertThat(limited.sessionCookie()).isEmpty();
        assertThat(fixture.sessionRows()).isZero();

        fixture.clock.advance(Duration.ofSeconds(299));
        AuthHttp.Response stillLimited = http.login(AuthFixture.PASSWORD);
        assertThat(stillLimited.status()).isEqualTo(429);
        assertThat(stillLimited.headers().firstValue("Retry-After")).contains("1");

        fixture.clock.advance(Duration.ofSeconds(1));
        assertThat(http.login(AuthFixture.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void a_successful_login_clears_earlier_failures() {
        AuthHttp http = fixture.startPassword();
        for (int i = 0; i < 4; i++) {
            http.login("wrong-" + i);
        }
        assertThat(http.login(AuthFixture.PASSWORD).status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            http.login("wrong-" + i);
        }

        assertThat(http.login(AuthFixture.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void wrong_current_passwords_at_password_change_count_toward_the_limit() {
        AuthHttp http = fixture.startPassword();
        http.login(AuthFixture.PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertThat(http.post(
                                    AuthEndpointsSuite.AUTH + "/change-password",
                                    AuthEndpointsSuite.changeBody("wrong-" + i, "newPass123"))
                            .status())
                    .isEqualTo(401);
        }

        AuthHttp.Response limited = http.post(
                AuthEndpointsSuite.AUTH + "/change-password", AuthEndpointsSuite.changeBody("hunter2", "newPass123"));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(fixture.client().login(AuthFixture.PASSWORD).status()).isEqualTo(429);
    }
}
