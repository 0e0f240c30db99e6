package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.config.Json;
import dev.idun.config.prompt.PromptConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prompts admin API (append-only versions), over real HTTP, against one kind of database. */
abstract class PromptsApiSuite {
    static final String BASE = "/admin/api/v1/prompts";
    static final String SYSTEM_PROMPT =
            "{\"promptId\": \"system-prompt\", \"content\": \"Hi\", \"tags\": [\"latest\"]}";
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

    JsonNode create(String promptId, String content) {
        return create(
                Json.object().put("promptId", promptId).put("content", content).toString());
    }

    List<PromptConfig> live() {
        return server.server.runtimes().current().config().prompts();
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
    void creates_the_first_version_and_applies_it_with_one_reload() {
        int builds = server.builder.builds();

        Http.Response response = http.post(BASE, SYSTEM_PROMPT);

        assertThat(response.status()).isEqualTo(201);
        JsonNode data = response.json().get("data");
        assertThat(data.get("id").asText()).hasSize(36);
        assertThat(data.get("promptId").asText()).isEqualTo("system-prompt");
        assertThat(data.get("version").asInt()).isEqualTo(1);
        assertThat(data.get("content").asText()).isEqualTo("Hi");
        assertThat(data.get("tags")).isEqualTo(Json.parse("[\"latest\"]"));
        assertThat(data.get("createdAt").asText()).endsWith("Z");
        assertThat(data.get("updatedAt").asText()).endsWith("Z");
        assertThat(data.has("slug")).isFalse();
        assertThat(response.json().at("/reload/status").asText()).isEqualTo("reloaded");
        assertThat(server.builder.builds()).isEqualTo(builds + 1);
        assertThat(live()).containsExactly(new PromptConfig("system-prompt", 1, "Hi", List.of("latest")));
        assertThat(CliRunner.exportYaml(server.databaseUrl))
                .contains("prompts:", "prompt_id: system-prompt", "content: Hi");
    }

    @Test
    void a_second_post_adds_the_next_version_and_the_agent_sees_the_latest() {
        JsonNode first = create(SYSTEM_PROMPT);
        JsonNode second = create("system-prompt", "Hello there");

        assertThat(second.get("version").asInt()).isEqualTo(2);
        assertThat(second.get("id").asText()).isNotEqualTo(first.get("id").asText());
        assertThat(second.get("tags")).isEmpty();
        assertThat(live()).containsExactly(new PromptConfig("system-prompt", 2, "Hello there", List.of()));
        assertThat(CliRunner.exportYaml(server.databaseUrl)).contains("content: Hello there", "version: 2");
    }

    @Test
    void distinct_prompt_ids_have_independent_version_streams_and_list_in_order() {
        create("beta", "b1");
        create("alpha", "a1");
        create("beta", "b2");
        create("alpha", "a2");
        create("alpha", "a3");

        List<String> listed = new ArrayList<>();
        http.get(BASE)
                .json()
                .forEach(item -> listed.add(item.get("promptId").asText() + "@"
                        + item.get("version").asInt()));
        assertThat(listed).containsExactly("alpha@3", "alpha@2", "alpha@1", "beta@2", "beta@1");
        assertThat(create("gamma", "g1").get("version").asInt()).isEqualTo(1);
        assertThat(live())
                .extracting(p -> p.promptId() + "@" + p.version())
                .containsExactly("alpha@3", "beta@2", "gamma@1");
    }

    @Test
    void gets_one_version_and_answers_404_or_422_for_bad_ids() {
        String id = create(SYSTEM_PROMPT).get("id").asText();

        assertThat(http.get(BASE + "/" + id).json().get("id").asText()).isEqualTo(id);

        Http.Response missing = http.get(BASE + "/" + MISSING);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/error/code").asText()).isEqualTo("not_found");
        assertThat(missing.json().at("/error/message").asText())
                .isEqualTo("No prompt version with id " + MISSING + ".");
        assertThat(http.patch(BASE + "/" + MISSING, "{\"tags\": []}").status()).isEqualTo(404);
        assertThat(http.delete(BASE + "/" + MISSING).status()).isEqualTo(404);
        for (Http.Response invalid : List.of(
                http.get(BASE + "/system-prompt"),
                http.patch(BASE + "/system-prompt", "{}"),
                http.delete(BASE + "/system-prompt"))) {
            assertThat(invalid.status()).isEqualTo(422);
            assertThat(invalid.json().at("/error/fieldErrors/0/field").asText()).isEqualTo("path.prompt_row_id");
        }
    }

    @Test
    void patch_replaces_the_tags_of_one_version_with_one_reload() {
        String id = create(SYSTEM_PROMPT).get("id").asText();
        int builds = server.builder.builds();

        Http.Response response = http.patch(BASE + "/" + id, "{\"tags\": [\"staging\", \"experimental\"]}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/data/tags")).isEqualTo(Json.parse("[\"staging\", \"experimental\"]"));
        assertThat(response.json().at("/data/version").asInt()).isEqualTo(1);
        assertThat(response.json().at("/data/content").asText()).isEqualTo("Hi");
        assertThat(server.builder.builds()).isEqualTo(builds + 1);
        assertThat(live())
                .singleElement()
                .satisfies(p -> assertThat(p.tags()).containsExactly("staging", "experimental"));

        assertThat(http.patch(BASE + "/" + id, "{\"tags\": []}").json().at("/data/tags"))
                .isEmpty();
    }

    @Test
    void a_patch_without_tags_changes_nothing_and_does_not_reload() {
        String id = create(SYSTEM_PROMPT).get("id").asText();
        int builds = server.builder.builds();

        for (String body : List.of("{}", "{\"content\": \"rewritten\"}", "{\"version\": 7}")) {
            Http.Response response = http.patch(BASE + "/" + id, body);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().at("/reload/message").asText()).isEqualTo("No changes.");
            assertThat(response.json().at("/data/content").asText()).isEqualTo("Hi");
            assertThat(response.json().at("/data/version").asInt()).isEqualTo(1);
        }
        assertThat(server.builder.builds()).isEqualTo(builds);
    }

    @Test
    void rejects_null_tags_and_bad_bodies() {
        String id = create(SYSTEM_PROMPT).get("id").asText();

        Http.Response nullTags = http.patch(BASE + "/" + id, "{\"tags\": null}");
        assertThat(fields(nullTags)).containsExactly("tags");
        assertThat(nullTags.json().at("/error/fieldErrors/0/message").asText())
                .isEqualTo("tags cannot be null; send [] for empty");
        assertThat(fields(http.patch(BASE + "/" + id, "{\"tags\": \"latest\"}")))
                .containsExactly("tags");
        assertThat(fields(http.patch(BASE + "/" + id, "{\"tags\": [1]}"))).containsExactly("tags.0");
        assertThat(fields(http.post(BASE, "{\"content\": \"x\"}"))).containsExactly("promptId");
        assertThat(fields(http.post(BASE, "{\"promptId\": \"p\"}"))).containsExactly("content");
        assertThat(fields(http.post(BASE, "{\"promptId\": \"p\", \"content\": 5}")))
                .containsExactly("content");
        assertThat(fields(http.post(BASE, "{\"promptId\": \"" + "p".repeat(256) + "\", \"content\": \"x\"}")))
                .containsExactly("promptId");
        assertThat(fields(http.post(BASE, "[]"))).containsExactly("body");
        assertThat(http.get(BASE).json()).hasSize(1);
    }

    @Test
    void deleting_a_version_removes_only_that_row_and_promotes_the_previous_one() {
        create("system-prompt", "v1");
        String second = create("system-prompt", "v2").get("id").asText();

        Http.Response deleted = http.delete(BASE + "/" + second);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("data")).isEqualTo(Json.parse("{\"id\": \"" + second + "\", \"deleted\": true}"));
        assertThat(http.get(BASE).json()).hasSize(1);
        assertThat(live()).containsExactly(new PromptConfig("system-prompt", 1, "v1", List.of()));
        assertThat(create("system-prompt", "v2 again").get("version").asInt()).isEqualTo(2);
    }

    @Test
    void deleting_the_only_version_drops_the_prompt() {
        String id = create(SYSTEM_PROMPT).get("id").asText();

        assertThat(http.delete(BASE + "/" + id).status()).isEqualTo(200);

        assertThat(http.get(BASE).json()).isEmpty();
        assertThat(live()).isEmpty();
        assertThat(http.delete(BASE + "/" + id).status()).isEqualTo(404);
        assertThat(CliRunner.exportYaml(server.databaseUrl)).doesNotContain("system-prompt");
    }

    @Test
    void a_failed_reload_rolls_back_and_keeps_the_old_config() {
        server.builder.failWith("prompt boom");

        Http.Response failed = http.post(BASE, SYSTEM_PROMPT);

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.json().at("/error/code").asText()).isEqualTo("reload_failed");
        assertThat(failed.json().at("/error/details/recovered").asBoolean()).isTrue();
        assertThat(http.get(BASE).json()).isEmpty();

        server.builder.succeed();
        String id = create(SYSTEM_PROMPT).get("id").asText();
        server.builder.failWith("prompt boom");
        assertThat(http.patch(BASE + "/" + id, "{\"tags\": []}").status()).isEqualTo(500);
        assertThat(http.post(BASE, SYSTEM_PROMPT).status()).isEqualTo(500);
        assertThat(http.delete(BASE + "/" + id).status()).isEqualTo(500);
        server.builder.succeed();
        assertThat(http.get(BASE).json()).singleElement().satisfies(row -> {
            assertThat(row.get("tags")).isEqualTo(Json.parse("[\"latest\"]"));
            assertThat(row.get("version").asInt()).isEqualTo(1);
        });
        assertThat(create(SYSTEM_PROMPT).get("version").asInt()).isEqualTo(2);
    }

    @Test
    void twenty_concurrent_posts_on_one_prompt_get_versions_one_to_twenty() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Response>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String body = Json.object()
                    .put("promptId", "system-prompt")
                    .put("content", "draft " + i)
                    .toString();
            results.add(pool.submit(() -> {
                go.await();
                return http.post(BASE, body);
            }));
        }
        go.countDown();
        List<Integer> versions = new ArrayList<>();
        for (Future<Http.Response> result : results) {
            assertThat(result.get().status()).as(result.get().body()).isEqualTo(201);
            versions.add(result.get().json().at("/data/version").asInt());
        }
        pool.shutdown();

        assertThat(versions)
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.rangeClosed(1, 20).boxed().toList());
        List<Integer> listed = new ArrayList<>();
        http.get(BASE).json().forEach(item -> listed.add(item.get("version").asInt()));
        assertThat(listed)
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, 20).map(i -> 21 - i).boxed().toList());
        assertThat(live())
                .singleElement()
                .satisfies(p -> assertThat(p.version()).isEqualTo(20));
    }
}
