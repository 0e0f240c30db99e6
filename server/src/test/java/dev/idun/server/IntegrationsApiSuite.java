package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The integrations admin API and the WhatsApp handshake, over real HTTP, against one kind of database. */
abstract class IntegrationsApiSuite {
    static final String BASE = "/admin/api/v1/integrations";
    static final String WHATSAPP_BODY = """
            {"name": "Customer Support", "integration": {"provider": "WHATSAPP",
             "config": {"accessToken": "EAAG-token", "phoneNumberId": "1234567890", "verifyToken": "%s"}}}""";

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

    JsonNode create(String verifyToken) {
        Http.Response response = http.post(BASE, WHATSAPP_BODY.formatted(verifyToken));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("data");
    }

    int handshake(String path, String token) {
        return http.get(path + "?hub.mode=subscribe&hub.verify_token=" + token + "&hub.challenge=ch-42")
                .status();
    }

    String patchToken(String id, String token) {
        return """
                {"integration": {"provider": "WHATSAPP", "config": {"accessToken": "EAAG-token",
                 "phoneNumberId": "1234567890", "verifyToken": "%s"}}}""".formatted(token);
    }

    @Test
    void lists_nothing_on_a_fresh_server() {
        Http.Response response = http.get(BASE);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().isArray()).isTrue();
        assertThat(response.json()).isEmpty();
    }

    @Test
    void creates_a_whatsapp_integration_and_reports_the_reload() {
        Http.Response response = http.post(BASE, WHATSAPP_BODY.formatted("verify-1"));

        assertThat(response.status()).isEqualTo(201);
        JsonNode data = response.json().get("data");
        assertThat(data.get("id").asText()).hasSize(36);
        assertThat(data.get("slug").asText()).isEqualTo("customer-support");
        assertThat(data.get("name").asText()).isEqualTo("Customer Support");
        assertThat(data.get("enabled").asBoolean()).isTrue();
        assertThat(data.at("/integration/provider").asText()).isEqualTo("WHATSAPP");
        assertThat(data.at("/integration/enabled").asBoolean()).isTrue();
        assertThat(data.at("/integration/config/phoneNumberId").asText()).isEqualTo("1234567890");
        assertThat(data.at("/integration/config/apiVersion").asText()).isEqualTo("v21.0");
        assertThat(data.get("createdAt").asText()).endsWith("Z");
        JsonNode reload = response.json().get("reload");
        assertThat(reload.get("status").asText()).isEqualTo("reloaded");
        assertThat(reload.get("message").asText()).isEqualTo("Saved and reloaded.");
        assertThat(reload.get("error").isNull()).isTrue();
        assertThat(http.get(BASE).json()).hasSize(1);
    }

    @Test
    void numbers_colliding_slugs_and_keeps_a_slug_on_rename() {
        String first = create("a").get("id").asText();
        assertThat(create("b").get("slug").asText()).isEqualTo("customer-support-2");
        assertThat(create("c").get("slug").asText()).isEqualTo("customer-support-3");

        Http.Response renamed = http.patch(BASE + "/" + first, "{\"name\": \"Sales Desk\"}");

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().at("/data/name").asText()).isEqualTo("Sales Desk");
        assertThat(renamed.json().at("/data/slug").asText()).isEqualTo("customer-support");
        List<String> order = new ArrayList<>();
        http.get(BASE).json().forEach(item -> order.add(item.get("slug").asText()));
        assertThat(order).containsExactly("customer-support", "customer-support-2", "customer-support-3");
    }

    @Test
    void gets_one_integration_and_answers_404_or_422_for_bad_ids() {
        String id = create("t").get("id").asText();

        assertThat(http.get(BASE + "/" + id).json().get("id").asText()).isEqualTo(id);

        Http.Response missing = http.get(BASE + "/00000000-0000-4000-8000-000000000000");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/error/code").asText()).isEqualTo("not_found");
        assertThat(missing.json().at("/error/message").asText())
                .isEqualTo("No integration with id 00000000-0000-4000-8000-000000000000.");

        Http.Response invalid = http.get(BASE + "/not-a-uuid");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().at("/error/code").asText()).isEqualTo("validation_failed");
        assertThat(invalid.json().at("/error/fieldErrors/0/field").asText()).isEqualTo("path.integration_id");
        assertThat(invalid.json().at("/error/fieldErrors/0/code").asText()).isEqualTo("uuid_parsing");
    }

    @Test
    void an_empty_patch_changes_nothing_and_does_not_reload() {
        String id = create("t").get("id").asText();
        long version = http.get("/admin/api/v1/runtime/status")
                .json()
                .get("configVersion")
                .asLong();
        int builds = server.builder.builds();

        Http.Response response = http.patch(BASE + "/" + id, "{}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/reload/message").asText()).isEqualTo("No changes.");
        assertThat(response.json().at("/reload/status").asText()).isEqualTo("reloaded");
        assertThat(response.json().at("/data/id").asText()).isEqualTo(id);
        assertThat(server.builder.builds()).isEqualTo(builds);
        assertThat(http.get("/admin/api/v1/runtime/status")
                        .json()
                        .get("configVersion")
                        .asLong())
                .isEqualTo(version);
    }

    @Test
    void rejects_null_name_unknown_ids_and_bad_bodies() {
        String id = create("t").get("id").asText();

        Http.Response nullName = http.patch(BASE + "/" + id, "{\"name\": null}");
        assertThat(nullName.status()).isEqualTo(422);
        assertThat(nullName.json().at("/error/fieldErrors/0/field").asText()).isEqualTo("name");

        assertThat(http.patch(BASE + "/00000000-0000-4000-8000-000000000000", "{\"enabled\": false}")
                        .status())
                .isEqualTo(404);
        assertThat(http.patch(BASE + "/" + id, "not json").status()).isEqualTo(422);
        assertThat(http.patch(BASE + "/" + id, "[1]").status()).isEqualTo(422);

        Http.Response badName = http.post(BASE, WHATSAPP_BODY.formatted("x").replace("Customer Support", "!!!"));
        assertThat(badName.status()).isEqualTo(422);
        assertThat(badName.json().at("/error/message").asText())
                .isEqualTo("Cannot derive a slug from the provided name.");
        assertThat(badName.json().at("/error/fieldErrors/0/field").asText()).isEqualTo("name");
    }

    @Test
    void names_the_path_of_a_missing_provider_field() {
        Http.Response response = http.post(BASE, """
                {"name": "Support", "integration": {"provider": "WHATSAPP",
                 "config": {"accessToken": "a", "verifyToken": "v"}}}""");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().at("/error/code").asText()).isEqualTo("validation_failed");
        List<String> fields = new ArrayList<>();
        response.json()
                .at("/error/fieldErrors")
                .forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactly("integration.config.phoneNumberId");
        assertThat(http.get(BASE).json()).isEmpty();
    }

    @Test
    void accepts_every_provider_and_rejects_an_unknown_one() {
        String[] bodies = {
            "{\"provider\": \"SLACK\", \"config\": {\"botToken\": \"xoxb\", \"signingSecret\": \"s\"}}",
            "{\"provider\": \"DISCORD\", \"config\": {\"botToken\": \"b\", \"applicationId\": \"1\","
                    + " \"publicKey\": \"ab\"}}",
            "{\"provider\": \"GOOGLE_CHAT\", \"config\": {\"serviceAccountCredentialsJson\": \"{}\","
                    + " \"projectNumber\": \"42\"}}",
            "{\"provider\": \"TEAMS\", \"config\": {\"appId\": \"a\", \"appPassword\": \"p\", \"appTenantId\": \"t\"}}",
            "{\"provider\": \"TELEGRAM\", \"config\": {\"botToken\": \"123:abc\"}}"
        };
        for (String integration : bodies) {
            Http.Response response = http.post(BASE, "{\"name\": \"Bot\", \"integration\": " + integration + "}");
            assertThat(response.status()).as(response.body()).isEqualTo(201);
        }
        Http.Response unknown =
                http.post(BASE, "{\"name\": \"Bot\", \"integration\": {\"provider\": \"FAX\", \"config\": {}}}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().at("/error/fieldErrors/0/field").asText()).isEqualTo("integration.provider");
    }

    @Test
    void the_row_enabled_flag_wins_over_the_inner_one() {
        Http.Response response = http.post(BASE, """
                {"name": "Support", "enabled": true, "integration": {"provider": "WHATSAPP", "enabled": false,
                 "config": {"accessToken": "a", "phoneNumberId": "1", "verifyToken": "v"}}}""");

        assertThat(response.json().at("/data/enabled").asBoolean()).isTrue();
        assertThat(response.json().at("/data/integration/enabled").asBoolean()).isTrue();
        assertThat(handshake("/integrations/whatsapp/webhook", "v")).isEqualTo(200);

        String id = response.json().at("/data/id").asText();
        Http.Response disabled = http.patch(BASE + "/" + id, "{\"enabled\": false}");
        assertThat(disabled.json().at("/data/integration/enabled").asBoolean()).isFalse();
        assertThat(disabled.json().at("/data/slug").asText()).isEqualTo("support");
        assertThat(handshake("/integrations/whatsapp/webhook", "v")).isEqualTo(404);
    }

    @Test
    void deletes_an_integration() {
        String id = create("t").get("id").asText();

        Http.Response deleted = http.delete(BASE + "/" + id);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().at("/data/id").asText()).isEqualTo(id);
        assertThat(deleted.json().at("/data/deleted").asBoolean()).isTrue();
        assertThat(deleted.json().at("/reload/status").asText()).isEqualTo("reloaded");
        assertThat(http.get(BASE + "/" + id).status()).isEqualTo(404);
        assertThat(http.delete(BASE + "/" + id).status()).isEqualTo(404);
        assertThat(handshake("/integrations/whatsapp/webhook", "t")).isEqualTo(404);
    }

    @Test
    void the_whatsapp_handshake_follows_every_patch() {
        assertThat(handshake("/integrations/whatsapp/webhook", "first")).isEqualTo(404);
        String id = create("first").get("id").asText();

        Http.Response ok = http.get(
                "/integrations/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=first" + "&hub.challenge=ch-42");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("ch-42");
        assertThat(ok.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(handshake("/integrations/whatsapp/webhook", "wrong")).isEqualTo(403);
        assertThat(http.get("/integrations/whatsapp/webhook?hub.mode=unsubscribe&hub.verify_token=first")
                        .status())
                .isEqualTo(403);

        assertThat(http.patch(BASE + "/" + id, patchToken(id, "second")).status())
                .isEqualTo(200);

        assertThat(handshake("/integrations/whatsapp/webhook", "first")).isEqualTo(403);
        assertThat(handshake("/integrations/whatsapp/webhook", "second")).isEqualTo(200);
        assertThat(handshake("/integrations/whatsapp/customer-support/webhook", "second"))
                .isEqualTo(200);
        assertThat(handshake("/integrations/whatsapp/other-slug/webhook", "second"))
                .isEqualTo(404);

        create("third");
        assertThat(handshake("/integrations/whatsapp/webhook", "third")).isEqualTo(200);
        assertThat(handshake("/integrations/whatsapp/webhook", "second")).isEqualTo(200);
        assertThat(handshake("/integrations/whatsapp/customer-support/webhook", "third"))
                .isEqualTo(403);
        assertThat(handshake("/integrations/whatsapp/customer-support-2/webhook", "third"))
                .isEqualTo(200);
    }

    @Test
    void a_failed_reload_rolls_back_and_keeps_the_old_config_serving() {
        String id = create("old-token").get("id").asText();
        server.builder.failWith("agent boom");

        Http.Response failed = http.patch(BASE + "/" + id, patchToken(id, "new-token"));

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.json().at("/error/code").asText()).isEqualTo("reload_failed");
        assertThat(failed.json().at("/error/message").asText()).isEqualTo("Engine reload failed; config not saved.");
        assertThat(failed.json().at("/error/details/recovered").asBoolean()).isTrue();
        assertThat(CliRunner.exportYaml(server.databaseUrl)).contains("verify_token: old-token");
        assertThat(handshake("/integrations/whatsapp/webhook", "old-token")).isEqualTo(200);
        assertThat(handshake("/integrations/whatsapp/webhook", "new-token")).isEqualTo(403);
        JsonNode status = http.get("/admin/api/v1/runtime/status").json();
        assertThat(status.get("status").asText()).isEqualTo("reload_failed");
        assertThat(status.get("error").asText()).contains("agent boom");

        Http.Response failedCreate = http.post(BASE, WHATSAPP_BODY.formatted("x"));
        assertThat(failedCreate.status()).isEqualTo(500);
        assertThat(http.get(BASE).json()).hasSize(1);

        server.builder.succeed();
        assertThat(http.patch(BASE + "/" + id, patchToken(id, "new-token")).status())
                .isEqualTo(200);
        assertThat(handshake("/integrations/whatsapp/webhook", "new-token")).isEqualTo(200);
        assertThat(http.get("/admin/api/v1/runtime/status").json().get("status").asText())
                .isEqualTo("reloaded");
    }

    @Test
    void secrets_are_masked_on_read_and_a_masked_value_sent_back_keeps_the_stored_secret() {
        JsonNode created = create("verify-secret-1");
        String id = created.get("id").asText();
        assertThat(created.at("/integration/config/accessToken").asText()).isEqualTo("••••oken");
        assertThat(created.at("/integration/config/verifyToken").asText()).isEqualTo("••••et-1");
        assertThat(created.at("/integration/config/phoneNumberId").asText()).isEqualTo("1234567890");
        assertThat(http.get(BASE).body()).doesNotContain("EAAG-token", "verify-secret-1");

        JsonNode echoed = http.get(BASE + "/" + id).json().get("integration");
        ((com.fasterxml.jackson.databind.node.ObjectNode) echoed.get("config")).put("apiVersion", "v22.0");
        Http.Response saved = http.patch(BASE + "/" + id, "{\"integration\": " + echoed + "}");

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().at("/data/integration/config/apiVersion").asText())
                .isEqualTo("v22.0");
        assertThat(handshake("/integrations/whatsapp/webhook", "verify-secret-1"))
                .isEqualTo(200);

        Http.Response wrongMask = http.patch(BASE + "/" + id, patchToken(id, "••••zzzz"));
        assertThat(wrongMask.status()).isEqualTo(422);
        assertThat(wrongMask.json().at("/error/fieldErrors/0/field").asText())
                .isEqualTo("integration.config.verifyToken");
        Http.Response maskedCreate = http.post(BASE, WHATSAPP_BODY.formatted("••••et-1"));
        assertThat(maskedCreate.status()).isEqualTo(422);
    }

    @Test
    void concurrent_patches_leave_database_and_runtime_agreeing() throws Exception {
        String id = create("token-start").get("id").asText();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String token = "token-" + i;
            results.add(pool.submit(
                    () -> http.patch(BASE + "/" + id, patchToken(id, token)).status()));
        }
        for (Future<Integer> result : results) {
            assertThat(result.get()).isEqualTo(200);
        }
        pool.shutdown();

        String exported = CliRunner.exportYaml(server.databaseUrl);
        String stored = exported.substring(exported.indexOf("verify_token: ") + "verify_token: ".length())
                .lines()
                .findFirst()
                .orElseThrow();
        assertThat(handshake("/integrations/whatsapp/webhook", stored)).isEqualTo(200);
        for (int i = 0; i < 50; i++) {
            String token = "token-" + i;
            if (!token.equals(stored)) {
                assertThat(handshake("/integrations/whatsapp/webhook", token)).isEqualTo(403);
            }
        }
        JsonNode status = http.get("/admin/api/v1/runtime/status").json();
        assertThat(status.get("configVersion").asLong()).isEqualTo(52);
        assertThat(status.get("configHash").asText()).matches("[0-9a-f]{64}");
    }
}
