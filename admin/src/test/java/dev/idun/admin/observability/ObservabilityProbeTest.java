package dev.idun.admin.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.idun.admin.checks.ConnectionCheck;
import dev.idun.config.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ObservabilityProbeTest {
    private final ObservabilityProbe probe = new ObservabilityProbe(Duration.ofSeconds(5));
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger headStatus = new AtomicInteger(200);
    private HttpServer fake;
    private String base;

    @BeforeEach
    void startFake() throws IOException {
        fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        fake.createContext("/", exchange -> {
            requests.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getRequestHeaders());
            int status = exchange.getRequestMethod().equals("HEAD") ? headStatus.get() : 200;
            if (exchange.getRequestURI().getPath().startsWith("/slow")) {
                sleep(3000);
            }
            if (exchange.getRequestURI().getPath().startsWith("/broken")) {
                status = 503;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        fake.start();
        base = "http://127.0.0.1:" + fake.getAddress().getPort();
    }

    @AfterEach
    void stopFake() {
        fake.stop(0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ConnectionCheck check(String json) {
        return probe.check(Json.parse(json));
    }

    @Test
    void reaches_a_langfuse_host_without_sending_its_keys() {
        ConnectionCheck check = check("{\"provider\":\"LANGFUSE\",\"enabled\":true,\"config\":{\"host\":\"" + base
                + "\",\"publicKey\":\"pk-lf-public\",\"secretKey\":\"sk-lf-very-secret\"}}");

        assertThat(check.ok()).as(check.error()).isTrue();
        assertThat(Json.write(check.details()))
                .isEqualTo("{\"provider\":\"LANGFUSE\",\"host\":\"" + base + "\",\"status\":200}");
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0)).startsWith("HEAD /").doesNotContain("sk-lf-very-secret", "pk-lf-public");
    }

    @Test
    void falls_back_to_get_when_head_is_refused_and_counts_any_answer_as_reachable() {
        headStatus.set(405);
        ConnectionCheck fallback =
                check("{\"provider\":\"PHOENIX\",\"config\":{\"collectorEndpoint\":\"" + base + "/v1/traces\"}}");
        ConnectionCheck broken = check("{\"provider\":\"OTLP\",\"config\":{\"endpoint\":\"" + base
                + "/broken\",\"headers\":{\"x-key\":\"k\"}}}");

        assertThat(fallback.ok()).isTrue();
        assertThat(fallback.details().get("status").asInt()).isEqualTo(200);
        assertThat(fallback.details().get("endpoint").asText()).isEqualTo(base + "/v1/traces");
        assertThat(requests.get(0)).startsWith("HEAD /v1/traces");
        assertThat(requests.get(1)).startsWith("GET /v1/traces");
        assertThat(broken.ok()).isTrue();
        assertThat(broken.details().get("status").asInt()).isEqualTo(503);
        assertThat(broken.details().get("provider").asText()).isEqualTo("OTLP");
    }

    @Test
    void langsmith_uses_its_configured_endpoint() {
        ConnectionCheck check = check(
                "{\"provider\":\"LANGSMITH\",\"config\":{\"apiKey\":\"ls-key-123456\",\"endpoint\":\"" + base + "\"}}");

        assertThat(check.ok()).isTrue();
        assertThat(check.details().get("endpoint").asText()).isEqualTo(base);
        assertThat(requests.get(0)).doesNotContain("ls-key-123456");
    }

    @Test
    void an_unreachable_endpoint_is_a_failure_with_the_provider_named() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        ConnectionCheck check =
                check("{\"provider\":\"OTLP\",\"config\":{\"endpoint\":\"http://127.0.0.1:" + port + "/v1/traces\"}}");

        assertThat(check.ok()).isFalse();
        assertThat(check.error()).startsWith("HTTP error: ConnectException");
        assertThat(check.details().get("provider").asText()).isEqualTo("OTLP");
    }

    @Test
    void a_slow_endpoint_ends_in_a_timeout() {
        ObservabilityProbe quick = new ObservabilityProbe(Duration.ofMillis(300));

        ConnectionCheck check =
                quick.check(Json.parse("{\"provider\":\"LANGFUSE\",\"config\":{\"host\":\"" + base + "/slow\"}}"));

        assertThat(check.ok()).isFalse();
        assertThat(check.error()).isEqualTo("observability check timed out after 0.3s");
    }

    @Test
    void disabled_and_gcp_providers_are_not_contacted() {
        ConnectionCheck disabled =
                check("{\"provider\":\"LANGFUSE\",\"enabled\":false,\"config\":{\"host\":\"" + base + "\"}}");
        ConnectionCheck trace = check("{\"provider\":\"GCP_TRACE\",\"config\":{\"gcpProjectId\":\"my-project\"}}");
        ConnectionCheck logging = check("{\"provider\":\"GCP_LOGGING\",\"config\":{}}");

        assertThat(disabled.ok()).isTrue();
        assertThat(disabled.details().get("note").asText()).contains("disabled");
        assertThat(trace.ok()).isTrue();
        assertThat(trace.details().get("projectId").asText()).isEqualTo("my-project");
        assertThat(trace.details().get("note").asText()).contains("GCP credentials");
        assertThat(logging.ok()).isFalse();
        assertThat(logging.error()).isEqualTo("GCP_LOGGING requires 'project_id'");
        assertThat(requests).isEmpty();
    }

    @Test
    void reports_missing_or_unknown_providers_and_endpoints() {
        assertThat(check("{\"config\":{}}").error()).contains("missing 'provider'");
        assertThat(check("{\"provider\":\"DATADOG\",\"config\":{}}").error())
                .isEqualTo("unsupported observability provider: DATADOG");
        assertThat(check("{\"provider\":\"PHOENIX\",\"config\":{}}").error())
                .isEqualTo("PHOENIX provider missing 'collectorEndpoint'");
        assertThat(check("{\"provider\":\"OTLP\",\"config\":{\"endpoint\":\"ftp://x\"}}")
                        .error())
                .isEqualTo("not an http(s) URL");
    }
}
