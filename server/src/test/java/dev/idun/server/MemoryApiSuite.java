package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.admin.db.DatabaseUrl;
import dev.idun.admin.db.TestDatabases;
import dev.idun.config.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memory admin resource and its connection check over real HTTP, against one kind of database. */
abstract class MemoryApiSuite {
    static final String BASE = "/admin/api/v1/memory";
    static final String IN_MEMORY = "{\"agentFramework\": \"LANGCHAIN4J\", \"memory\": {\"type\": \"memory\"}}";

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

    static List<String> fields(Http.Response response) {
        List<String> fields = new ArrayList<>();
        response.json()
                .at("/error/fieldErrors")
                .forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    Http.Response write(String body) {
        Http.Response response = http.patch(BASE, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    static String postgresMemory(DatabaseUrl url, String password) {
        String rest = url.jdbcUrl().substring("jdbc:postgresql://".length());
        String credentials = url.user() + (password == null ? "" : ":" + password) + "@";
        return "{\"type\": \"postgres\", \"db_url\": \"postgresql://" + credentials + rest + "\"}";
    }

    @Test
    void answers_404_until_memory_is_configured() {
        Http.Response response = http.get(BASE);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().at("/error/code").asText()).isEqualTo("not_found");
        assertThat(response.json().at("/error/message").asText())
                .isEqualTo("No memory configured. Default in-memory is used at runtime.");
    }

    @Test
    void a_first_write_needs_both_fields() {
        Http.Response onlyFramework = http.patch(BASE, "{\"agentFramework\": \"LANGCHAIN4J\"}");
        Http.Response empty = http.patch(BASE, "{}");

        assertThat(onlyFramework.status()).isEqualTo(422);
        assertThat(onlyFramework.json().at("/error/message").asText())
                .isEqualTo("First write requires agentFramework and memory.");
        assertThat(fields(onlyFramework)).containsExactly("memory");
        assertThat(onlyFramework.json().at("/error/fieldErrors/0/message").asText())
                .isEqualTo("Required for first write.");
        assertThat(onlyFramework.json().at("/error/fieldErrors/0/code").asText())
                .isEqualTo("missing");
        assertThat(fields(empty)).containsExactly("agentFramework", "memory");
        assertThat(http.get(BASE).status()).isEqualTo(404);
    }

    @Test
    void a_first_write_saves_and_reloads() {
        int builds = server.builder.builds();

        Http.Response response = write(IN_MEMORY);

        assertThat(response.json().at("/reload/status").asText()).isEqualTo("reloaded");
        assertThat(response.json().at("/data/agentFramework").asText()).isEqualTo("LANGCHAIN4J");
        assertThat(Json.write(response.json().at("/data/memory"))).isEqualTo("{\"type\":\"memory\"}");
        assertThat(response.json().at("/data/updatedAt").asText()).endsWith("Z");
        assertThat(server.builder.builds()).isEqualTo(builds + 1);
        assertThat(http.get(BASE).json().get("agentFramework").asText()).isEqualTo("LANGCHAIN4J");
        assertThat(CliRunner.exportYaml(server.databaseUrl)).contains("checkpointer:");
        assertThat(http.get("/admin/api/v1/runtime/status").json().get("status").asText())
                .isEqualTo("reloaded");
    }

    @Test
    void later_writes_change_only_what_is_sent_and_an_empty_one_is_a_noop() {
        write(IN_MEMORY);
        int builds = server.builder.builds();

        Http.Response noop = write("{}");
        assertThat(noop.json().at("/reload/message").asText()).isEqualTo("No changes.");
        assertThat(server.builder.builds()).isEqualTo(builds);

        Http.Response sqlite = write("{\"memory\": {\"type\": \"sqlite\", \"db_url\": \"sqlite:///history.db\"}}");
        assertThat(sqlite.json().at("/data/agentFramework").asText()).isEqualTo("LANGCHAIN4J");
        assertThat(sqlite.json().at("/data/memory/db_url").asText()).isEqualTo("sqlite:///history.db");

        Http.Response framework = write("{\"agent_framework\": \"CUSTOM\"}");
        assertThat(framework.json().at("/data/agentFramework").asText()).isEqualTo("CUSTOM");
        assertThat(framework.json().at("/data/memory/type").asText()).isEqualTo("sqlite");
    }

    @Test
    void rejects_frameworks_and_memory_types_this_server_does_not_have() {
        int builds = server.builder.builds();

        Http.Response adk = http.patch(BASE, "{\"agentFramework\": \"ADK\", \"memory\": {\"type\": \"in_memory\"}}");
        Http.Response nulls = http.patch(BASE, "{\"agentFramework\": null, \"memory\": {\"type\": \"memory\"}}");
        Http.Response badUrl = http.patch(
                BASE,
                "{\"agentFramework\": \"LANGCHAIN4J\", \"memory\": {\"type\": \"postgres\", \"db_url\": \"mysql://h/db\"}}");

        assertThat(adk.status()).isEqualTo(422);
        assertThat(fields(adk)).containsExactly("agentFramework", "memory.type");
        assertThat(adk.json().at("/error/fieldErrors/0/message").asText()).contains("LANGCHAIN4J");
        assertThat(fields(nulls)).containsExactly("agentFramework");
        assertThat(fields(badUrl)).containsExactly("memory.db_url");
        assertThat(server.builder.builds()).isEqualTo(builds);
        assertThat(http.get(BASE).status()).isEqualTo(404);
    }

    @Test
    void a_first_write_racing_a_partial_write_ends_in_200_or_422() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Integer> first = pool.submit(() -> http.patch(BASE, IN_MEMORY).status());
        Future<Integer> partial = pool.submit(
                () -> http.patch(BASE, "{\"agentFramework\": \"CUSTOM\"}").status());

        assertThat(first.get()).isEqualTo(200);
        assertThat(partial.get()).isIn(200, 422);
        pool.shutdown();
        assertThat(http.get(BASE).json().get("memory").get("type").asText()).isEqualTo("memory");
    }

    @Test
    void deletes_the_memory_config() {
        write(IN_MEMORY);

        Http.Response deleted = http.delete(BASE);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(Json.write(deleted.json().get("data"))).isEqualTo("{\"deleted\":true}");
        assertThat(deleted.json().at("/reload/status").asText()).isEqualTo("reloaded");
        assertThat(http.get(BASE).status()).isEqualTo(404);
        Http.Response again = http.delete(BASE);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().at("/error/message").asText()).isEqualTo("No memory configured to delete.");
    }

    @Test
    void a_failed_reload_rolls_back_the_first_write() {
        server.builder.failWith("memory boom");

        Http.Response failed = http.patch(BASE, IN_MEMORY);

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.json().at("/error/code").asText()).isEqualTo("reload_failed");
        assertThat(failed.json().at("/error/details/recovered").asBoolean()).isTrue();
        assertThat(http.get(BASE).status()).isEqualTo(404);
    }

    @Test
    void the_database_password_is_masked_and_a_masked_url_sent_back_keeps_it() {
        write("{\"agentFramework\": \"LANGCHAIN4J\", \"memory\": {\"type\": \"postgres\","
                + " \"db_url\": \"postgresql://app:s3cret-pass-2024@db.internal:5432/app\"}}");

        JsonNode memory = http.get(BASE).json().get("memory");
        assertThat(memory.get("db_url").asText()).isEqualTo("postgresql://app:••••2024@db.internal:5432/app");
        assertThat(http.get(BASE).body()).doesNotContain("s3cret-pass-2024");

        Http.Response sentBack = write("{\"memory\": " + memory + "}");
        assertThat(sentBack.body()).doesNotContain("s3cret-pass-2024");
        assertThat(CliRunner.exportYaml(server.databaseUrl)).contains("s3cret-pass-2024");

        Http.Response wrongMask = http.patch(
                BASE,
                "{\"memory\": {\"type\": \"postgres\","
                        + " \"db_url\": \"postgresql://app:••••9999@db.internal:5432/app\"}}");
        assertThat(wrongMask.status()).isEqualTo(422);
        assertThat(fields(wrongMask)).containsExactly("memory.db_url");
        assertThat(wrongMask.json().at("/error/fieldErrors/0/code").asText()).isEqualTo("masked_secret");
    }

    @Test
    void the_connection_check_needs_a_stored_config_and_answers_in_memory_exactly() {
        Http.Response missing = http.post(BASE + "/check-connection", "");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/error/message").asText()).isEqualTo("No memory configured to check.");

        write(IN_MEMORY);
        Http.Response check = http.post(BASE + "/check-connection", "");

        assertThat(check.status()).isEqualTo(200);
        assertThat(check.body()).isEqualTo("{\"ok\":true,\"details\":{\"backend\":\"in-memory\"},\"error\":null}");
    }

    @Test
    void the_connection_check_opens_a_real_sqlite_file() throws Exception {
        Path file = dir.resolve("history.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement().execute("create table checkpoints (id int)");
        }
        write("{\"agentFramework\": \"LANGCHAIN4J\", \"memory\": {\"type\": \"sqlite\", \"db_url\": \"sqlite:///" + file
                + "\"}}");

        Http.Response check = http.post(BASE + "/check-connection", "");

        assertThat(check.status()).isEqualTo(200);
        assertThat(check.body()).isEqualTo("{\"ok\":true,\"details\":{\"backend\":\"sqlite\"},\"error\":null}");
    }

    @Test
    void the_connection_check_connects_to_a_real_postgres() {
        DatabaseUrl url = TestDatabases.freshPostgres();
        write("{\"agentFramework\": \"LANGCHAIN4J\", \"memory\": " + postgresMemory(url, url.password()) + "}");

        Http.Response check = http.post(BASE + "/check-connection", "");

        assertThat(check.status()).isEqualTo(200);
        assertThat(check.body()).isEqualTo("{\"ok\":true,\"details\":{\"backend\":\"postgres\"},\"error\":null}");
    }

    @Test
    void an_unreachable_database_is_reported_in_a_200_without_the_password() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        write("{\"agentFramework\": \"LANGCHAIN4J\", \"memory\": {\"type\": \"postgres\","
                + " \"db_url\": \"postgresql://app:hunter2-pass@127.0.0.1:" + port + "/app\"}}");

        Http.Response check = http.post(BASE + "/check-connection", "");

        assertThat(check.status()).isEqualTo(200);
        assertThat(check.json().get("ok").asBoolean()).isFalse();
        assertThat(check.json().get("details").isNull()).isTrue();
        assertThat(check.json().get("error").asText()).startsWith("could not connect to PostgreSQL:");
        assertThat(check.body()).doesNotContain("hunter2-pass");
    }
}
