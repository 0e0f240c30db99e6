package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Json;
import dev.idun.config.guardrail.GuardrailEntry;
import dev.idun.config.guardrail.GuardrailPosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guardrails admin API, over real HTTP, against one kind of database. */
abstract class GuardrailsApiSuite {
    static final String BASE = "/admin/api/v1/guardrails";
    static final String PROFANITY = """
            {"name": "Profanity filter", "position": "input",
             "guardrail": {"config_id": "ban_list", "api_key": "test-key", "banned_words": ["foo", "bar"]}}""";
    static final String MISSING = "00000000-0000-4000-8000-000000000000";

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

    JsonNode create(String body) {
        Http.Response response = http.post(BASE, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("data");
    }

    JsonNode create(String name, String position, int sortOrder) {
        String body = """
                {"name": "%s", "position": "%s", "sortOrder": %d,
                 "guardrail": {"config_id": "toxic_language", "threshold": 0.5}}""";
        return create(body.formatted(name, position, sortOrder));
    }

    List<GuardrailEntry> live() {
        return server.server.runtimes().current().config().guardrails();
    }

    List<String> fields(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().at("/error/code").asText()).isEqualTo("validation_failed");
        List<String> fields = new ArrayList<>();
        response.json()
                .at("/error/fieldErrors")
                .forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    @Test
    void lists_nothing_on_a_fresh_server() {
        Http.Response response = http.get(BASE);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().isArray()).isTrue();
        assertThat(response.json()).isEmpty();
    }

    @Test
    void creates_a_guardrail_and_applies_it_with_one_reload() {
        int builds = server.builder.builds();

        Http.Response response = http.post(BASE, PROFANITY);

        assertThat(response.status()).isEqualTo(201);
        JsonNode data = response.json().get("data");
        assertThat(data.get("id").asText()).hasSize(36);
        assertThat(data.get("slug").asText()).isEqualTo("profanity-filter");
        assertThat(data.get("name").asText()).isEqualTo("Profanity filter");
        assertThat(data.get("enabled").asBoolean()).isTrue();
        assertThat(data.get("position").asText()).isEqualTo("input");
        assertThat(data.get("sortOrder").asInt()).isZero();
        assertThat(data.get("guardrail")).isEqualTo(Json.parse("""
                        {"config_id": "ban_list", "api_key": "••••-key", "reject_message": "",
                         "banned_words": ["foo", "bar"]}"""));
        assertThat(data.get("createdAt").asText()).endsWith("Z");
        assertThat(response.json().at("/reload/status").asText()).isEqualTo("reloaded");
        assertThat(response.json().at("/reload/message").asText()).isEqualTo("Saved and reloaded.");
        assertThat(server.builder.builds()).isEqualTo(builds + 1);
        assertThat(live()).singleElement().satisfies(entry -> {
            assertThat(entry.position()).isEqualTo(GuardrailPosition.INPUT);
            assertThat(entry.slug()).isEqualTo("profanity-filter");
            assertThat(entry.config().configId()).isEqualTo("ban_list");
            assertThat(entry.config().fields().get("api_key").asText()).isEqualTo("test-key");
        });
        assertThat(CliRunner.exportYaml(server.databaseUrl))
                .contains("guardrails:", "name: Profanity filter", "config_id: ban_list", "api_key: test-key");
    }

    @Test
    void needs_no_guardrails_api_key_for_a_built_in_guard() {
        Http.Response response = http.post(BASE, """
                {"name": "Topics", "position": "output", "guardrail": {"config_id": "restrict_to_topic",
                 "valid_topics": ["billing"]}}""");

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().at("/data/guardrail/api_key").asText()).isEmpty();
        assertThat(live())
                .singleElement()
                .satisfies(entry -> assertThat(entry.position()).isEqualTo(GuardrailPosition.OUTPUT));
    }

    @Test
    void numbers_colliding_slugs_and_keeps_a_slug_on_rename() {
        String first = create(PROFANITY).get("id").asText();
        assertThat(create(PROFANITY).get("slug").asText()).isEqualTo("profanity-filter-2");
        int builds = server.builder.builds();

        Http.Response renamed = http.patch(BASE + "/" + first, "{\"name\": \"Renamed Filter\"}");

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().at("/data/name").asText()).isEqualTo("Renamed Filter");
        assertThat(renamed.json().at("/data/slug").asText()).isEqualTo("profanity-filter");
        assertThat(server.builder.builds()).isEqualTo(builds + 1);
        assertThat(live()).extracting(GuardrailEntry::name).contains("Renamed Filter");
    }

    @Test
    void gets_one_guardrail_and_answers_404_or_422_for_bad_ids() {
        String id = create(PROFANITY).get("id").asText();

        assertThat(http.get(BASE + "/" + id).json().get("id").asText()).isEqualTo(id);

        Http.Response missing = http.get(BASE + "/" + MISSING);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/error/code").asText()).isEqualTo("not_found");
        assertThat(missing.json().at("/error/message").asText()).isEqualTo("No guardrail with id " + MISSING + ".");
        assertThat(http.patch(BASE + "/" + MISSING, "{\"name\": \"x\"}").status())
                .isEqualTo(404);
        assertThat(http.delete(BASE + "/" + MISSING).status()).isEqualTo(404);
        for (Http.Response invalid :
                List.of(http.get(BASE + "/42"), http.patch(BASE + "/42", "{}"), http.delete(BASE + "/42"))) {
            assertThat(invalid.status()).isEqualTo(422);
            assertThat(invalid.json().at("/error/fieldErrors/0/field").asText()).isEqualTo("path.guardrail_id");
        }
    }

    @Test
    void an_empty_patch_changes_nothing_and_does_not_reload() {
        String id = create(PROFANITY).get("id").asText();
        int builds = server.builder.builds();

        Http.Response response = http.patch(BASE + "/" + id, "{}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/reload/message").asText()).isEqualTo("No changes.");
        assertThat(response.json().at("/data/id").asText()).isEqualTo(id);
        assertThat(server.builder.builds()).isEqualTo(builds);
    }

    @Test
    void rejects_nulls_bad_names_positions_orders_and_guards() {
        String id = create(PROFANITY).get("id").asText();
        for (String field : List.of("name", "enabled", "position", "sortOrder", "guardrail")) {
            Http.Response nulled = http.patch(BASE + "/" + id, "{\"" + field + "\": null}");
            assertThat(fields(nulled)).containsExactly(field);
            assertThat(nulled.json().at("/error/fieldErrors/0/message").asText())
                    .isEqualTo(field + " cannot be null");
        }
        Http.Response badName = http.post(BASE, PROFANITY.replace("Profanity filter", "!!!@@@###"));
        assertThat(fields(badName)).containsExactly("name");
        assertThat(fields(http.post(BASE, PROFANITY.replace("\"input\"", "\"sideways\""))))
                .containsExactly("position");
        assertThat(fields(http.post(BASE, PROFANITY.replace("\"position\": \"input\",", ""))))
                .containsExactly("position");
        Http.Response negative = http.post(BASE, PROFANITY.replace("\"position\"", "\"sortOrder\": -1, \"position\""));
        assertThat(fields(negative)).containsExactly("sortOrder");
        assertThat(negative.json().at("/error/fieldErrors/0/code").asText()).isEqualTo("greater_than_equal");
        assertThat(fields(http.patch(BASE + "/" + id, "{\"sortOrder\": -3}"))).containsExactly("sortOrder");
        assertThat(fields(http.post(BASE, PROFANITY.replace("\"banned_words\": [\"foo\", \"bar\"]", "\"x\": 1"))))
                .containsExactly("guardrail.banned_words");
        assertThat(fields(http.post(BASE, """
                        {"name": "T", "position": "input", "guardrail": {"config_id": "toxic_language",
                         "threshold": 3}}"""))).containsExactly("guardrail.threshold");
        assertThat(fields(http.post(BASE, "{\"name\": \"T\", \"position\": \"input\"}")))
                .containsExactly("guardrail");
        assertThat(http.get(BASE).json()).hasSize(1);
    }

    @Test
    void refuses_fix_for_a_guard_that_cannot_redact_and_a_bad_regex() {
        Http.Response fix = http.post(BASE, """
                {"name": "T", "position": "output", "guardrail": {"config_id": "toxic_language",
                 "threshold": 0.5, "on_fail": "fix"}}""");
        assertThat(fields(fix)).containsExactly("guardrail.on_fail");
        assertThat(fix.json().at("/error/fieldErrors/0/message").asText()).contains("cannot redact");

        Http.Response regex = http.post(BASE, """
                {"name": "R", "position": "output", "guardrail": {"config_id": "regex_match", "regex": "(["}}""");
        assertThat(fields(regex)).containsExactly("guardrail.regex");

        Http.Response redacting = http.post(BASE, """
                {"name": "P", "position": "output", "guardrail": {"config_id": "detect_pii",
                 "pii_entities": ["Email"], "on_fail": "fix"}}""");
        assertThat(redacting.status()).as(redacting.body()).isEqualTo(201);
        assertThat(redacting.json().at("/data/guardrail/on_fail").asText()).isEqualTo("fix");
    }

    @Test
    void refuses_model_armor_and_unknown_guards() {
        Http.Response armor = http.post(BASE, """
                {"name": "Armor", "position": "input", "guardrail": {"config_id": "model_armor",
                 "project_id": "p", "location": "us", "template_id": "t"}}""");
        assertThat(fields(armor)).containsExactly("guardrail.config_id");
        assertThat(armor.json().at("/error/fieldErrors/0/message").asText())
                .contains("Google Cloud")
                .contains("not run");

        Http.Response unknown = http.post(BASE, """
                {"name": "Mystery", "position": "input", "guardrail": {"config_id": "mind_reader"}}""");
        assertThat(fields(unknown)).containsExactly("guardrail.config_id");
        assertThat(unknown.json().at("/error/fieldErrors/0/message").asText()).contains("mind_reader");
        assertThat(http.get(BASE).json()).isEmpty();
    }

    @Test
    void lists_by_position_then_sort_order_then_age_and_reorders_on_patch() {
        create("out", "output", 0);
        String third = create("in-c", "input", 2).get("id").asText();
        create("in-a", "input", 1);
        create("in-b", "input", 1);

        assertThat(names()).containsExactly("in-a", "in-b", "in-c", "out");
        assertThat(live()).extracting(GuardrailEntry::name).containsExactly("in-a", "in-b", "in-c", "out");

        Http.Response moved = http.patch(BASE + "/" + third, "{\"sortOrder\": 0}");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().at("/data/sortOrder").asInt()).isZero();
        assertThat(names()).containsExactly("in-c", "in-a", "in-b", "out");
        assertThat(live()).extracting(GuardrailEntry::name).containsExactly("in-c", "in-a", "in-b", "out");

        http.patch(BASE + "/" + third, "{\"position\": \"output\", \"sortOrder\": 5}");
        assertThat(names()).containsExactly("in-a", "in-b", "out", "in-c");
    }

    List<String> names() {
        List<String> names = new ArrayList<>();
        http.get(BASE).json().forEach(item -> names.add(item.get("name").asText()));
        return names;
    }

    @Test
    void replaces_the_guard_wholesale_and_disables_it() {
        String id = create(PROFANITY).get("id").asText();

        Http.Response replaced = http.patch(BASE + "/" + id, """
                {"enabled": false, "guardrail": {"config_id": "detect_pii", "pii_entities": ["Email"],
                 "reject_message": "No PII please"}}""");

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().at("/data/guardrail")).isEqualTo(Json.parse("""
                        {"config_id": "detect_pii", "api_key": "", "reject_message": "No PII please",
                         "pii_entities": ["Email"]}"""));
        assertThat(replaced.json().at("/data/enabled").asBoolean()).isFalse();
        assertThat(live()).singleElement().satisfies(entry -> {
            assertThat(entry.enabled()).isFalse();
            assertThat(entry.config().configId()).isEqualTo("detect_pii");
        });
    }

    @Test
    void deletes_a_guardrail() {
        String id = create(PROFANITY).get("id").asText();

        Http.Response deleted = http.delete(BASE + "/" + id);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("data")).isEqualTo(Json.parse("{\"id\": \"" + id + "\", \"deleted\": true}"));
        assertThat(deleted.json().at("/reload/status").asText()).isIn("reloaded", "restart_required");
        assertThat(http.get(BASE + "/" + id).status()).isEqualTo(404);
        assertThat(live()).isEmpty();
    }

    @Test
    void a_failed_reload_rolls_back_and_keeps_the_old_config() {
        server.builder.failWith("guard boom");

        Http.Response failed = http.post(BASE, PROFANITY);

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.json().at("/error/code").asText()).isEqualTo("reload_failed");
        assertThat(failed.json().at("/error/details/recovered").asBoolean()).isTrue();
        assertThat(http.get(BASE).json()).isEmpty();
        assertThat(live()).isEmpty();

        server.builder.succeed();
        String id = create(PROFANITY).get("id").asText();
        server.builder.failWith("guard boom");
        assertThat(http.patch(BASE + "/" + id, "{\"sortOrder\": 4}").status()).isEqualTo(500);
        assertThat(http.get(BASE + "/" + id).json().get("sortOrder").asInt()).isZero();
        assertThat(http.delete(BASE + "/" + id).status()).isEqualTo(500);
        assertThat(live()).hasSize(1);
    }

    @Test
    void the_api_key_is_masked_and_a_masked_key_sent_back_keeps_the_stored_one() {
        JsonNode created = create(PROFANITY.replace("test-key", "gr-secret-key-5678"));
        String id = created.get("id").asText();
        assertThat(created.at("/guardrail/api_key").asText()).isEqualTo("••••5678");
        assertThat(http.get(BASE).body()).doesNotContain("gr-secret-key-5678");

        ObjectNode echoed = (ObjectNode) http.get(BASE + "/" + id).json().get("guardrail");
        echoed.putArray("banned_words").add("baz");
        Http.Response saved = http.patch(BASE + "/" + id, "{\"guardrail\": " + echoed + "}");

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().at("/data/guardrail/banned_words/0").asText()).isEqualTo("baz");
        assertThat(saved.json().at("/data/guardrail/api_key").asText()).isEqualTo("••••5678");
        assertThat(CliRunner.exportYaml(server.databaseUrl)).contains("api_key: gr-secret-key-5678");
        assertThat(live())
                .singleElement()
                .satisfies(entry -> assertThat(
                                entry.config().fields().get("api_key").asText())
                        .isEqualTo("gr-secret-key-5678"));

        echoed.put("api_key", "••••0000");
        Http.Response wrongMask = http.patch(BASE + "/" + id, "{\"guardrail\": " + echoed + "}");
        assertThat(fields(wrongMask)).containsExactly("guardrail.api_key");
        assertThat(wrongMask.json().at("/error/fieldErrors/0/code").asText()).isEqualTo("masked_secret");
    }

    @Test
    void concurrent_creates_serialize_through_the_pipeline() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Response>> results = new ArrayList<>();
        for (String name : List.of("alpha filter", "beta filter")) {
            results.add(pool.submit(() -> {
                go.await();
                return http.post(BASE, PROFANITY.replace("Profanity filter", name));
            }));
        }
        go.countDown();
        for (Future<Http.Response> result : results) {
            assertThat(result.get().status()).as(result.get().body()).isEqualTo(201);
        }
        pool.shutdown();

        assertThat(names()).containsExactlyInAnyOrder("alpha filter", "beta filter");
        assertThat(live()).hasSize(2);
        assertThat(http.get("/admin/api/v1/runtime/status")
                        .json()
                        .get("configVersion")
                        .asLong())
                .isEqualTo(3);
    }

    @Test
    void concurrent_creates_with_one_name_get_distinct_slugs() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Response>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return http.post(BASE, PROFANITY);
            }));
        }
        go.countDown();
        List<String> slugs = new ArrayList<>();
        for (Future<Http.Response> result : results) {
            assertThat(result.get().status()).isEqualTo(201);
            slugs.add(result.get().json().at("/data/slug").asText());
        }
        pool.shutdown();

        assertThat(slugs)
                .containsExactlyInAnyOrder(
                        "profanity-filter", "profanity-filter-2", "profanity-filter-3", "profanity-filter-4");
    }
}
