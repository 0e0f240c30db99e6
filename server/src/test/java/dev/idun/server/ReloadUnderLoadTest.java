package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idun.admin.db.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloads while many slow runs stream: every run ends normally on the runtime it started on, no event lost. */
class ReloadUnderLoadTest {
    static final int RUNS = 100;
    static final int RELOADS = 20;
    static final int DELTAS = 20;

    @TempDir
    Path dir;

    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.urlOf(TestDatabases.freshSqlite(dir)), dir.resolve("absent.yaml"));
        Http.Response slow = server.http.patch("/admin/api/v1/agent", """
                {"baseEngineConfig": {"agent": {"type": "CUSTOM", "config": {"name": "Slow",
                 "agent_class": "dev.idun.server.SlowStreamingAgent", "deltas": %d, "delay_ms": 20}}}}""".formatted(DELTAS));
        assertThat(slow.status()).as(slow.body()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void reloads_never_break_runs_in_flight() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + server.server.port();
        List<CompletableFuture<HttpResponse<String>>> runs = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> reloads = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            String body =
                    "{\"threadId\":\"t-%d\",\"runId\":\"r-%d\",\"messages\":[{\"id\":\"m\",\"role\":\"user\",\"content\":\"hi\"}]}"
                            .formatted(i, i);
            runs.add(client.sendAsync(
                    HttpRequest.newBuilder(URI.create(base + "/agent/run"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
            if (i % (RUNS / RELOADS) == 0) {
                reloads.add(client.sendAsync(
                        HttpRequest.newBuilder(URI.create(base + "/admin/api/v1/agent"))
                                .timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "application/json")
                                .method(
                                        "PATCH",
                                        HttpRequest.BodyPublishers.ofString("{\"description\": \"reload " + i + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            Thread.sleep(15);
        }

        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
        CompletableFuture.allOf(reloads.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);

        assertThat(reloads).hasSize(RELOADS);
        for (CompletableFuture<HttpResponse<String>> reload : reloads) {
            HttpResponse<String> response = reload.join();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
        for (CompletableFuture<HttpResponse<String>> run : runs) {
            HttpResponse<String> response = run.join();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("RUN_FINISHED").doesNotContain("RUN_ERROR");
            assertThat(response.body().split("\"TEXT_MESSAGE_CONTENT\"", -1)).hasSize(DELTAS + 1);
        }
        assertThat(server.http
                        .get("/admin/api/v1/agent")
                        .json()
                        .get("description")
                        .asText())
                .startsWith("reload ");
    }
}
