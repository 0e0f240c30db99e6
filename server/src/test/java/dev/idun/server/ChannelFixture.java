package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A server whose agent is the {@link ChannelTestAgent}, with one provider's API faked on loopback, for the channel
 * suites: it starts (and restarts, on the same database) the server, creates integrations and reads what the
 * channels did.
 */
final class ChannelFixture implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);

    final FakeProviderApi api;
    private final String databaseUrl;
    private final Path dir;
    private final Map<String, String> env;
    TestServer server;
    Http http;

    ChannelFixture(String databaseUrl, Path dir, String baseUrlVariable, FakeProviderApi api, String baseUrlSuffix) {
        this(databaseUrl, dir, Map.of(baseUrlVariable, api.baseUrl() + baseUrlSuffix), api);
    }

    /** A fixture whose server gets {@code providerEnv} (base URLs, token and key URLs pointing at {@code api}). */
    ChannelFixture(String databaseUrl, Path dir, Map<String, String> providerEnv, FakeProviderApi api) {
        this.api = api;
        this.databaseUrl = databaseUrl;
        this.dir = dir;
        this.env = new HashMap<>(providerEnv);
        env.put("IDUN_CHANNEL_RETRY_BASE_MILLIS", "10");
        env.put("IDUN_LOG_MESSAGE_BODIES", "true");
        start();
        Http.Response agent = http.patch("/admin/api/v1/agent", """
                {"baseEngineConfig": {"agent": {"type": "CUSTOM", "config": {"name": "Channel test",
                 "agent_class": "dev.idun.server.ChannelTestAgent"}}}}""");
        assertThat(agent.status()).as(agent.body()).isEqualTo(200);
    }

    private void start() {
        server = TestServer.start(databaseUrl, dir.resolve("absent.yaml"), env);
        http = server.http;
    }

    /** Stops the server and starts a new one on the same database, as a deployment or crash would. */
    void restart() {
        server.close();
        start();
    }

    /** Creates an integration and returns its id. */
    String createIntegration(String name, String integrationJson) {
        Http.Response response = http.post(
                "/admin/api/v1/integrations", "{\"name\": \"" + name + "\", \"integration\": " + integrationJson + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().at("/data/id").asText();
    }

    void patchIntegration(String id, String integrationJson) {
        Http.Response response =
                http.patch("/admin/api/v1/integrations/" + id, "{\"integration\": " + integrationJson + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** The delivery log of an integration, newest first. */
    List<JsonNode> deliveries(String id) {
        Http.Response response = http.get("/admin/api/v1/integrations/" + id + "/deliveries?limit=100");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.json().get("items").forEach(items::add);
        return items;
    }

    List<JsonNode> deliveries(String id, String direction, String status) {
        return deliveries(id).stream()
                .filter(d -> d.get("direction").asText().equals(direction))
                .filter(d -> d.get("status").asText().equals(status))
                .toList();
    }

    /** The agent threads stored so far (a channel run stores its thread). */
    List<String> threads() {
        List<String> ids = new ArrayList<>();
        http.get("/agent/sessions")
                .json()
                .forEach(t -> ids.add(t.path("id").asText(t.path("threadId").asText())));
        return ids;
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            FakeProviderApi.pause(25);
        }
    }

    /** Lets background work that should not happen have its chance to happen. */
    static void settle() {
        FakeProviderApi.pause(700);
    }

    @Override
    public void close() {
        server.close();
        api.close();
    }
}
