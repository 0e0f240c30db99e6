package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.config.Json;
import dev.idun.engine.agent.ChatMessage;
import dev.idun.engine.memory.ConversationStore;
import dev.idun.engine.memory.JdbcConversationStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conversation history and the agent routes beside /agent/run over real HTTP, against one kind of database. */
abstract class AgentMemorySuite {
    static final String OPENAI_AGENT = """
            {"baseEngineConfig": {"agent": {"type": "LANGCHAIN4J", "config": {"name": "Helper",
             "model": {"provider": "openai", "name": "gpt-4o", "api_key": "sk-secret-123456",
              "base_url": "http://127.0.0.1:9/v1"}}}}}""";

    @TempDir
    Path dir;

    String databaseUrl;
    TestServer server;
    Http http;

    abstract String newDatabaseUrl(Path dir);

    @BeforeEach
    void start() {
        databaseUrl = newDatabaseUrl(dir);
        server = TestServer.start(databaseUrl, dir.resolve("absent.yaml"));
        http = server.http;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    void restart() {
        server.close();
        server = TestServer.start(databaseUrl, dir.resolve("absent.yaml"));
        http = server.http;
    }

    static String message(String id, String role, String content) {
        return Json.write(Json.object().put("id", id).put("role", role).put("content", content));
    }

    /** Runs the agent and returns the events of the stream. */
    List<JsonNode> run(String threadId, String... messages) {
        String body =
                "{\"threadId\":\"" + threadId + "\",\"runId\":\"r\",\"messages\":[" + String.join(",", messages) + "]}";
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

    static String answerId(List<JsonNode> events) {
        return events.stream()
                .filter(e -> e.get("type").asText().equals("TEXT_MESSAGE_START"))
                .findFirst()
                .orElseThrow()
                .get("messageId")
                .asText();
    }

    List<String> transcript(String threadId) {
        Http.Response response = http.get("/agent/sessions/" + threadId);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("id").asText()).isEqualTo(threadId);
        List<String> lines = new ArrayList<>();
        response.json()
                .get("messages")
                .forEach(m -> lines.add(
                        m.get("role").asText() + ": " + m.get("content").asText()));
        return lines;
    }

    @Test
    void a_second_turn_resending_the_whole_conversation_adds_no_duplicates() {
        String hi = message("m-1", "user", "hi");
        String answer = answerId(run("t-1", hi));

        run("t-1", hi, message(answer, "assistant", "Echo: hi"), message("m-2", "user", "again"));

        assertThat(transcript("t-1"))
                .containsExactly("user: hi", "assistant: Echo: hi", "user: again", "assistant: Echo: again");
        JsonNode stored = http.get("/agent/sessions/t-1").json().get("messages");
        assertThat(stored.get(0).get("id").asText()).isEqualTo("m-1");
        assertThat(stored.get(1).get("id").asText()).isEqualTo(answer);
    }

    @Test
    void a_second_turn_sending_only_the_new_message_continues_the_thread() {
        run("t-2", message("m-1", "user", "hi"));
        run("t-2", "{\"role\":\"user\",\"content\":\"no id\"}");

        assertThat(transcript("t-2"))
                .containsExactly("user: hi", "assistant: Echo: hi", "user: no id", "assistant: Echo: no id");
    }

    @Test
    void history_in_the_server_database_survives_a_restart() {
        run("kept", message("m-1", "user", "remember"));

        restart();

        assertThat(transcript("kept")).containsExactly("user: remember", "assistant: Echo: remember");
    }

    @Test
    void history_in_a_configured_sqlite_memory_survives_a_restart_and_lives_in_that_file() {
        String memoryUrl = "sqlite:///" + dir.resolve("memory.db");
        Http.Response saved = http.patch(
                "/admin/api/v1/memory",
                "{\"agentFramework\": \"LANGCHAIN4J\", \"memory\": {\"type\": \"sqlite\", \"db_url\": \"" + memoryUrl
                        + "\"}}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        run("elsewhere", message("m-1", "user", "in sqlite"));
        restart();

        assertThat(transcript("elsewhere")).containsExactly("user: in sqlite", "assistant: Echo: in sqlite");
        assertThat(http.get("/agent/capabilities").json().get("memory").asText())
                .isEqualTo("sqlite");
        try (ConversationStore file = JdbcConversationStore.open(memoryUrl, Clock.systemUTC())) {
            assertThat(file.messages("elsewhere"))
                    .extracting(ChatMessage::content)
                    .containsExactly("in sqlite", "Echo: in sqlite");
        }
    }

    @Test
    void sessions_lists_threads_newest_first() throws InterruptedException {
        run("first", message("a", "user", "one"));
        Thread.sleep(5);
        run("slack:T1", message("b", "user", "two"), message("c", "user", "three"));

        Http.Response response = http.get("/agent/sessions");

        assertThat(response.status()).isEqualTo(200);
        JsonNode list = response.json();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("id").asText()).isEqualTo("slack:T1");
        assertThat(list.get(0).get("messageCount").asInt()).isEqualTo(3);
        assertThat(list.get(0).get("preview").asText()).isEqualTo("two");
        assertThat(list.get(0).get("lastUpdate").asText()).endsWith("Z");
        assertThat(list.get(1).get("id").asText()).isEqualTo("first");
        assertThat(list.get(1).get("messageCount").asInt()).isEqualTo(2);
    }

    @Test
    void an_unknown_session_is_not_found() {
        Http.Response response = http.get("/agent/sessions/nope");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asText()).isEqualTo("Not Found");
    }

    @Test
    void invoke_answers_the_text_and_shares_history_with_run() {
        Http.Response invoked = http.post("/agent/invoke", "{\"query\": \"hello\", \"session_id\": \"s-1\"}");

        assertThat(invoked.status()).as(invoked.body()).isEqualTo(200);
        assertThat(invoked.json().get("session_id").asText()).isEqualTo("s-1");
        assertThat(invoked.json().get("response").asText()).isEqualTo("Echo: hello");
        run("s-1", message("m-2", "user", "and run"));
        assertThat(transcript("s-1"))
                .containsExactly("user: hello", "assistant: Echo: hello", "user: and run", "assistant: Echo: and run");
    }

    @Test
    void invoke_rejects_a_bad_body() {
        Http.Response missing = http.post("/agent/invoke", "{\"query\": \"hello\"}");
        Http.Response wrongType = http.post("/agent/invoke", "{\"query\": 3, \"session_id\": \"s\"}");
        Http.Response notJson = http.post("/agent/invoke", "nope");

        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().at("/detail/0/loc/1").asText()).isEqualTo("session_id");
        assertThat(missing.json().at("/detail/0/type").asText()).isEqualTo("missing");
        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(wrongType.json().at("/detail/0/loc/1").asText()).isEqualTo("query");
        assertThat(notJson.status()).isEqualTo(422);
    }

    @Test
    void invoke_turns_an_agent_failure_into_a_400_with_the_reason() {
        assertThat(http.patch("/admin/api/v1/agent", OPENAI_AGENT).status()).isEqualTo(200);

        Http.Response response = http.post("/agent/invoke", "{\"query\": \"hello\", \"session_id\": \"s-1\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asText()).contains("openai").doesNotContain("sk-secret-123456");
    }

    @Test
    void capabilities_describe_the_agent() {
        JsonNode capabilities = http.get("/agent/capabilities").json();

        assertThat(capabilities.get("streaming").asBoolean()).isTrue();
        assertThat(capabilities.get("history").asBoolean()).isTrue();
        assertThat(capabilities.get("threadId").asBoolean()).isTrue();
        assertThat(capabilities.get("tools").asBoolean()).isTrue();
        assertThat(capabilities.get("agentType").asText()).isEqualTo("LANGCHAIN4J");
        assertThat(capabilities.get("memory").asText()).isEqualTo("server");
    }

    @Test
    void config_shows_the_agent_section_with_secrets_masked() {
        http.patch("/admin/api/v1/agent", OPENAI_AGENT);
        Http.Response memory = http.patch("/admin/api/v1/memory", """
                {"agentFramework": "LANGCHAIN4J",
                 "memory": {"type": "postgres", "db_url": "postgresql://app:supersecret99@localhost:1/db"}}""");
        assertThat(memory.status()).as(memory.body()).isEqualTo(200);

        Http.Response response = http.get("/agent/config");

        assertThat(response.status()).isEqualTo(200);
        JsonNode config = response.json().get("config");
        assertThat(config.get("type").asText()).isEqualTo("LANGCHAIN4J");
        assertThat(config.at("/config/name").asText()).isEqualTo("Helper");
        assertThat(config.at("/config/model/api_key").asText()).isEqualTo("••••3456");
        assertThat(config.at("/config/checkpointer/db_url").asText())
                .isEqualTo("postgresql://app:••••et99@localhost:1/db");
        assertThat(response.body()).doesNotContain("sk-secret-123456").doesNotContain("supersecret99");
    }

    @Test
    void every_agent_route_answers_503_on_an_unconfigured_server() {
        server.close();
        server = TestServer.start(
                newDatabaseUrl(dir.resolve("unconfigured")),
                dir.resolve("absent.yaml"),
                Map.of("IDUN_SEED_STARTER", "false"));
        http = server.http;

        List<Http.Response> responses = List.of(
                http.get("/agent/sessions"),
                http.get("/agent/sessions/t-1"),
                http.get("/agent/capabilities"),
                http.get("/agent/config"),
                http.post("/agent/invoke", "{\"query\": \"hello\", \"session_id\": \"s-1\"}"),
                http.post("/agent/run", "{\"threadId\":\"t\",\"runId\":\"r\",\"messages\":[]}"));

        for (Http.Response response : responses) {
            assertThat(response.status()).as(response.body()).isEqualTo(503);
            assertThat(response.json().at("/detail/error/code").asText()).isEqualTo("agent_not_ready");
        }
    }
}
