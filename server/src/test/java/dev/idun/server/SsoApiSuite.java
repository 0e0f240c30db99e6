package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idun.config.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSO admin resource and the public {@code /sso/info} over real HTTP, against one kind of database. */
abstract class SsoApiSuite {
    static final String BASE = "/admin/api/v1/sso";
    static final String GOOGLE = """
            {"sso": {"enabled": true, "issuer": "https://accounts.google.com",
             "clientId": "123456.apps.googleusercontent.com", "audience": null,
             "allowedDomains": ["company.com"], "allowedEmails": null}}""";

    @TempDir
    Path dir;

    TestServer server;
    Http http;

    abstract String newDatabaseUrl(Path dir);

    @BeforeEach
    void start() {
        server = TestServer.start(newDatabaseUrl(dir), dir.resolve("absent.yaml"));
        http = server.http;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answers_404_and_needs_sso_on_the_first_write() {
        Http.Response missing = http.get(BASE);
        Http.Response empty = http.patch(BASE, "{}");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/error/code").asText()).isEqualTo("not_found");
        assertThat(missing.json().at("/error/message").asText()).isEqualTo("SSO is not configured.");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(Json.write(empty.json()))
                .isEqualTo("{\"error\":{\"code\":\"validation_failed\",\"message\":\"First write requires sso.\"}}");
    }

    @Test
    void a_first_write_saves_reloads_and_reads_back() {
        int builds = server.builder.builds();

        Http.Response response = http.patch(BASE, GOOGLE);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().at("/data/sso/issuer").asText()).isEqualTo("https://accounts.google.com");
        assertThat(response.json().at("/data/sso/clientId").asText()).isEqualTo("123456.apps.googleusercontent.com");
        assertThat(response.json().at("/data/sso/audience").isNull()).isTrue();
        assertThat(response.json().at("/reload/status").asText()).isEqualTo("reloaded");
        assertThat(server.builder.builds()).isEqualTo(builds + 1);
        Http.Response read = http.get(BASE);
        assertThat(read.json().at("/sso/allowedDomains/0").asText()).isEqualTo("company.com");
        assertThat(read.json().at("/sso/allowedEmails").isNull()).isTrue();
        assertThat(read.json().get("updatedAt").asText()).endsWith("Z");
    }

    @Test
    void a_later_write_replaces_the_whole_config_and_an_empty_one_is_a_noop() {
        http.patch(BASE, GOOGLE);
        int builds = server.builder.builds();

        Http.Response noop = http.patch(BASE, "{}");
        assertThat(noop.json().at("/reload/message").asText()).isEqualTo("No changes.");
        assertThat(server.builder.builds()).isEqualTo(builds);

        Http.Response replaced = http.patch(BASE, """
                {"sso": {"enabled": false, "issuer": "https://login.microsoftonline.com/t/v2.0", "clientId": "ms-app"}}""");

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().at("/data/sso/enabled").asBoolean()).isFalse();
        assertThat(replaced.json().at("/data/sso/issuer").asText())
                .isEqualTo("https://login.microsoftonline.com/t/v2.0");
        assertThat(replaced.json().at("/data/sso/allowedDomains").isNull()).isTrue();
        assertThat(server.builder.builds()).isEqualTo(builds + 1);
    }

    @Test
    void rejects_a_config_without_issuer_and_an_explicit_null() {
        Http.Response noIssuer = http.patch(BASE, "{\"sso\": {\"enabled\": true, \"clientId\": \"x\"}}");
        Http.Response nullSso = http.patch(BASE, "{\"sso\": null}");

        assertThat(noIssuer.status()).isEqualTo(422);
        assertThat(noIssuer.json().at("/error/fieldErrors/0/field").asText()).isEqualTo("sso.issuer");
        assertThat(nullSso.status()).isEqualTo(422);
        assertThat(nullSso.json().at("/error/fieldErrors/0/message").asText()).isEqualTo("sso cannot be null");
        assertThat(http.get(BASE).status()).isEqualTo(404);
    }

    @Test
    void deletes_the_sso_config() {
        http.patch(BASE, GOOGLE);

        Http.Response deleted = http.delete(BASE);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().at("/data/deleted").asBoolean()).isTrue();
        assertThat(http.get(BASE).status()).isEqualTo(404);
        Http.Response again = http.delete(BASE);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().at("/error/message").asText()).isEqualTo("No SSO provider configured to delete.");
    }

    @Test
    void a_failed_reload_rolls_back_the_first_write() {
        server.builder.failWith("sso boom");

        Http.Response failed = http.patch(BASE, GOOGLE);

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.json().at("/error/code").asText()).isEqualTo("reload_failed");
        assertThat(failed.json().at("/error/details/recovered").asBoolean()).isTrue();
        assertThat(http.get(BASE).status()).isEqualTo(404);
    }

    @Test
    void sso_info_tells_the_chat_page_what_it_needs_and_nothing_more() {
        assertThat(http.get("/sso/info").body()).isEqualTo("{\"enabled\":false}");

        http.patch(BASE, GOOGLE);
        Http.Response enabled = http.get("/sso/info");
        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.body())
                .isEqualTo("{\"enabled\":true,\"issuer\":\"https://accounts.google.com\","
                        + "\"clientId\":\"123456.apps.googleusercontent.com\",\"audience\":null}");

        http.patch(BASE, GOOGLE.replace("\"enabled\": true", "\"enabled\": false"));
        assertThat(http.get("/sso/info").body()).isEqualTo("{\"enabled\":false}");
    }
}
