package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idun.admin.db.TestDatabases;
import dev.idun.engine.sso.FakeIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SSO on the chat routes: a real server seeded with an SSO section, tokens from a fake OIDC issuer. */
class SsoChatTest {
    static final String RUN =
            "{\"threadId\": \"t\", \"runId\": \"r\", \"messages\": [{\"role\": \"user\"," + " \"content\": \"hi\"}]}";

    @TempDir
    Path dir;

    FakeIssuer issuer;
    TestServer server;

    @BeforeEach
    void start() throws Exception {
        issuer = new FakeIssuer();
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, """
                agent:
                  type: LANGCHAIN4J
                  config: {name: Guarded, model: {provider: echo}}
                sso:
                  enabled: true
                  issuer: %s
                  client_id: chat-client
                  allowed_domains: ["example.com"]
                """.formatted(issuer.issuer()));
        server = TestServer.start(TestServer.urlOf(TestDatabases.freshSqlite(dir)), config);
    }

    @AfterEach
    void stop() {
        server.close();
        issuer.close();
    }

    private HttpResponse<String> run(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.server.port() + "/agent/run"))
                .POST(HttpRequest.BodyPublishers.ofString(RUN));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void chat_needs_a_valid_token_from_an_allowed_user() throws Exception {
        Instant later = Instant.now().plusSeconds(300);

        HttpResponse<String> anonymous = run(null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(run(issuer.token("other-client", "ada@example.com", later)).statusCode())
                .isEqualTo(401);
        assertThat(run(issuer.token("chat-client", "eve@elsewhere.org", later)).statusCode())
                .isEqualTo(403);

        HttpResponse<String> allowed = run(issuer.token("chat-client", "ada@example.com", later));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).contains("Echo: hi");
    }

    @Test
    void each_user_sees_and_continues_only_their_own_threads() throws Exception {
        Instant later = Instant.now().plusSeconds(300);
        String ada = issuer.token("chat-client", "ada@example.com", later);
        String bob = issuer.token("chat-client", "bob@example.com", later);

        assertThat(run(ada).statusCode()).isEqualTo(200);

        HttpResponse<String> adaSessions = get("/agent/sessions", ada);
        assertThat(adaSessions.body()).contains("\"id\":\"t\"").contains("\"messageCount\":2");
        assertThat(get("/agent/sessions/t", ada).statusCode()).isEqualTo(200);
        assertThat(get("/agent/sessions", bob).body()).isEqualTo("[]");
        assertThat(get("/agent/sessions/t", bob).statusCode()).isEqualTo(404);

        // bob naming the same thread id starts a conversation of his own: ada's history stays hers
        assertThat(run(bob).statusCode()).isEqualTo(200);
        assertThat(get("/agent/sessions/t", bob).body()).contains("\"content\":\"hi\"");
        assertThat(get("/agent/sessions", ada).body()).contains("\"messageCount\":2");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.server.port() + path))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_mcp_endpoint_is_behind_the_same_sso() throws Exception {
        String ping = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"ping\"}";
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.server.port() + "/mcp"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ping));

        HttpResponse<String> anonymous =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        String token =
                issuer.token("chat-client", "ada@example.com", Instant.now().plusSeconds(300));
        HttpResponse<String> allowed = HttpClient.newHttpClient()
                .send(request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).contains("\"result\"");
    }

    @Test
    void health_and_webhooks_are_not_behind_sso() {
        assertThat(server.http.get("/health").status()).isEqualTo(200);
        assertThat(server.http.get("/integrations/whatsapp/webhook").status()).isEqualTo(404);
    }
}
