package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.admin.traces.TraceRetention;
import dev.idun.admin.traces.TraceStore;
import dev.idun.config.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trace store fed by real runs and read through the trace API, against one kind of database. */
abstract class TracesApiSuite {
    static final String SESSIONS = "/admin/api/v1/traces/sessions";
    static final String UNREACHABLE_MODEL = """
            {"baseEngineConfig": {"agent": {"type": "LANGCHAIN4J", "config": {"name": "Helper",
             "model": {"provider": "openai", "name": "gpt-4o", "api_key": "sk-secret-123456",
              "base_url": "http://127.0.0.1:9/v1"}}}}}""";

    @TempDir
    Path dir;

    TestServer server;
    Http http;
    long writtenBefore;

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

    /** Runs the agent once and returns the events of the stream. */
    List<JsonNode> run(String threadId, String runId, String text) {
        String body = Json.write(Json.object()
                .put("threadId", threadId)
                .put("runId", runId)
                .set(
                        "messages",
                        Json.mapper()
                                .createArrayNode()
                                .add(Json.object()
                                        .put("id", runId + "-m")
                                        .put("role", "user")
                                        .put("content", text))));
        Http.Response response = http.post("/agent/run", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        for (String frame : response.body().split("\n\n")) {
            if (frame.startsWith("data: ")) {
                events.add(Json.parse(frame.substring("data: ".length())));
            }
        }
        return events;
    }

    /** Waits until the trace writer has stored {@code runs} runs in all. */
    void awaitWritten(long runs) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = http.get("/admin/api/v1/traces/status").json();
            if (status.at("/writer/written").asLong() >= runs) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("trace writer did not store " + runs + " runs: "
                + http.get("/admin/api/v1/traces/status").body());
    }

    JsonNode sessions(String query) {
        Http.Response response = http.get(SESSIONS + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    void threeSessions() throws InterruptedException {
        run("alpha", "a1", "First question about cats");
        run("alpha", "a2", "second");
        run("beta", "b1", "hello beta");
        run("gamma", "g1", "Weather in Paris?");
        awaitWritten(4);
    }

    @Test
    void every_run_is_recorded_with_its_session_events_and_spans() throws InterruptedException {
        threeSessions();

        JsonNode page = sessions("");

        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(ids(page)).containsExactly("gamma", "beta", "alpha");
        JsonNode alpha = page.get("items").get(2);
        assertThat(alpha.get("title").asText()).isEqualTo("First question about cats");
        assertThat(alpha.get("runCount").asLong()).isEqualTo(2);
        assertThat(alpha.get("messageCount").asLong()).isEqualTo(4);
        assertThat(alpha.get("errorCount").asLong()).isZero();
        assertThat(Instant.parse(alpha.get("createdAt").asText()))
                .isBeforeOrEqualTo(Instant.parse(alpha.get("lastEventAt").asText()));

        Http.Response detail = http.get(SESSIONS + "/alpha");
        assertThat(detail.status()).as(detail.body()).isEqualTo(200);
        JsonNode session = detail.json();
        assertThat(session.get("id").asText()).isEqualTo("alpha");
        assertThat(session.get("runs")).hasSize(2);
        JsonNode first = session.get("runs").get(0);
        assertThat(first.get("runId").asText()).isEqualTo("a1");
        assertThat(first.get("status").asText()).isEqualTo("finished");
        assertThat(first.get("durationMs").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(first.at("/tokens/input").asLong()).isZero();
        assertThat(first.at("/tokens/output").asLong()).isZero();
        List<String> types = new ArrayList<>();
        first.get("events").forEach(e -> types.add(e.get("type").asText()));
        assertThat(types)
                .containsExactly(
                        "RUN_STARTED",
                        "TEXT_MESSAGE_START",
                        "TEXT_MESSAGE_CONTENT",
                        "TEXT_MESSAGE_END",
                        "RUN_FINISHED");
        assertThat(first.get("events").get(2).at("/payload/delta").asText())
                .isEqualTo("Echo: First question about cats");
        JsonNode span = first.get("spans").get(0);
        assertThat(span.get("name").asText()).isEqualTo("invoke_agent Starter Agent");
        assertThat(span.at("/attributes/gen_ai.operation.name").asText()).isEqualTo("invoke_agent");
        assertThat(span.at("/attributes/gen_ai.conversation.id").asText()).isEqualTo("alpha");
        assertThat(http.get(SESSIONS + "/nobody").status()).isEqualTo(404);
    }

    @Test
    void sessions_page_and_filter_by_text_and_time() throws InterruptedException {
        threeSessions();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        assertThat(ids(sessions("?limit=2"))).containsExactly("gamma", "beta");
        assertThat(sessions("?limit=2").get("total").asLong()).isEqualTo(3);
        assertThat(ids(sessions("?limit=2&offset=2"))).containsExactly("alpha");
        assertThat(ids(sessions("?q=BETA"))).containsExactly("beta");
        assertThat(ids(sessions("?q=paris"))).containsExactly("gamma");
        assertThat(sessions("?q=paris").get("total").asLong()).isEqualTo(1);
        assertThat(ids(sessions("?search=cats"))).containsExactly("alpha");
        assertThat(ids(sessions("?q=100%25"))).isEmpty();
        assertThat(sessions("?from=" + today).get("total").asLong()).isEqualTo(3);
        assertThat(sessions("?from=" + today.plusDays(1)).get("total").asLong()).isZero();
        assertThat(sessions("?to=" + today.minusDays(1)).get("total").asLong()).isZero();
        assertThat(sessions("?from=" + today.minusDays(1) + "T00:00:00Z&to=" + today.plusDays(1) + "T00:00:00Z")
                        .get("total")
                        .asLong())
                .isEqualTo(3);
    }

    @Test
    void bad_query_parameters_answer_422_naming_each_parameter() {
        Http.Response limits = http.get(SESSIONS + "?limit=0&offset=-1&from=yesterday");
        Http.Response order = http.get(SESSIONS + "?from=2026-05-02&to=2026-05-01");
        Http.Response days = http.get("/admin/api/v1/metrics/summary?days=abc");

        assertThat(limits.status()).isEqualTo(422);
        assertThat(limits.json().at("/error/code").asText()).isEqualTo("validation_failed");
        List<String> fields = new ArrayList<>();
        limits.json()
                .at("/error/fieldErrors")
                .forEach(f -> fields.add(f.get("field").asText()));
        assertThat(fields).containsExactly("query.limit", "query.offset", "query.from");
        assertThat(order.status()).isEqualTo(422);
        assertThat(order.json().at("/error/fieldErrors/0/field").asText()).isEqualTo("query.to");
        assertThat(days.status()).isEqualTo(422);
        assertThat(days.json().at("/error/fieldErrors/0/field").asText()).isEqualTo("query.days");
        assertThat(http.get("/admin/api/v1/metrics/summary?days=0").status()).isEqualTo(422);
    }

    @Test
    void deleting_a_session_removes_its_runs() throws InterruptedException {
        threeSessions();

        Http.Response deleted = http.delete(SESSIONS + "/alpha");

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().get("deleted").asBoolean()).isTrue();
        assertThat(deleted.json().get("runs").asInt()).isEqualTo(2);
        assertThat(http.get(SESSIONS + "/alpha").status()).isEqualTo(404);
        assertThat(http.delete(SESSIONS + "/alpha").status()).isEqualTo(404);
        assertThat(ids(sessions(""))).containsExactly("gamma", "beta");
    }

    @Test
    void the_metrics_summary_counts_runs_errors_and_days() throws InterruptedException {
        run("ok-1", "r1", "one");
        run("ok-2", "r2", "two");
        Http.Response patched = http.patch("/admin/api/v1/agent", UNREACHABLE_MODEL);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        List<JsonNode> failed = run("bad", "r3", "three");
        assertThat(failed.get(failed.size() - 1).get("type").asText()).isEqualTo("RUN_ERROR");
        awaitWritten(3);

        JsonNode summary = http.get("/admin/api/v1/metrics/summary?days=7").json();
        JsonNode week = http.get("/admin/api/v1/metrics/summary").json();

        assertThat(summary.get("runs").asLong()).isEqualTo(3);
        assertThat(summary.get("errors").asLong()).isEqualTo(1);
        assertThat(summary.at("/latencyMs/p50").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(summary.at("/latencyMs/p95").asLong())
                .isGreaterThanOrEqualTo(summary.at("/latencyMs/p50").asLong());
        assertThat(summary.at("/tokens/input").asLong()).isZero();
        assertThat(summary.at("/tokens/output").asLong()).isZero();
        assertThat(summary.get("byDay")).hasSize(7);
        JsonNode today = summary.get("byDay").get(6);
        assertThat(today.get("day").asText())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(today.get("runs").asLong()).isEqualTo(3);
        assertThat(today.get("errors").asLong()).isEqualTo(1);
        assertThat(summary.get("byDay").get(0).get("runs").asLong()).isZero();
        assertThat(week).isEqualTo(summary);
        assertThat(http.get("/admin/api/v1/metrics/summary?days=1").json().get("byDay"))
                .hasSize(1);
        JsonNode bad = sessions("").get("items").get(0);
        assertThat(bad.get("id").asText()).isEqualTo("bad");
        assertThat(bad.get("errorCount").asLong()).isEqualTo(1);
        assertThat(http.get(SESSIONS + "/bad").json().at("/runs/0/status").asText())
                .isEqualTo("error");
    }

    @Test
    void retention_deletes_runs_older_than_the_period_only() throws InterruptedException {
        run("old", "r1", "one");
        run("old", "r2", "two");
        awaitWritten(2);
        Instant now = Instant.now();
        TraceStore store = new TraceStore();

        int early = new TraceRetention(
                        server.server.database().jdbi(),
                        store,
                        Clock.fixed(now.plus(Duration.ofDays(29)), ZoneOffset.UTC),
                        30)
                .purge();
        int late = new TraceRetention(
                        server.server.database().jdbi(),
                        store,
                        Clock.fixed(now.plus(Duration.ofDays(31)), ZoneOffset.UTC),
                        30)
                .purge();

        assertThat(early).isZero();
        assertThat(late).isEqualTo(2);
        assertThat(sessions("").get("total").asLong()).isZero();
        assertThat(http.get(SESSIONS + "/old").status()).isEqualTo(404);
    }
}
