package dev.idun.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.idun.channels.http.ProviderHttpException;
import dev.idun.config.integration.ProviderConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ChannelProvider} must do for the machinery to work, run against each provider with its API faked
 * on loopback: genuine requests are accepted with messages the machinery can dedupe, route and answer; forged ones
 * are rejected; a delivery is one call, and failures say whether and when to retry.
 *
 * @param <C> the provider's config record
 */
public abstract class ChannelProviderContract<C extends ProviderConfig> {
    /** One answer of the fake API. */
    protected record Reply(int status, Map<String, String> headers, String body) {}

    private HttpServer api;
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Reply> replies = new ConcurrentLinkedDeque<>();

    /** The provider, talking to {@code baseUrl} (the fake API). */
    protected abstract ChannelProvider<C> provider(String baseUrl);

    /** An integration's config whose credentials sign {@link #genuineRequest()}. */
    protected abstract C config();

    /** A request the provider's real service would send for {@link #config()}, carrying one text message. */
    protected abstract WebhookRequest genuineRequest();

    /** The same request with a forged or missing signature / secret. */
    protected abstract WebhookRequest forgedRequest();

    /** The answer of the provider's API to a successful send (HTTP 200). */
    protected abstract String sentBody();

    /** The answer of the provider's API to a successful credential check (HTTP 200). */
    protected abstract String checkBody();

    /** Answer of the API to a refused call: status and body (e.g. 401 invalid token). */
    protected Reply refused() {
        return new Reply(401, Map.of(), "{\"ok\":false,\"error\":\"invalid_auth\"}");
    }

    @BeforeEach
    void startApi() throws IOException {
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            exchange.getRequestBody().readAllBytes();
            Reply reply = replies.poll();
            if (reply == null) {
                reply = new Reply(
                        200,
                        Map.of(),
                        exchange.getRequestURI().getPath().matches(".*(auth\\.test|getMe|@me)$")
                                        || exchange.getRequestMethod().equals("GET")
                                ? checkBody()
                                : sentBody());
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            reply.headers().forEach(exchange.getResponseHeaders()::add);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        api.start();
    }

    @AfterEach
    void stopApi() {
        api.stop(0);
    }

    private ChannelProvider<C> provider() {
        return provider("http://127.0.0.1:" + api.getAddress().getPort());
    }

    private InboundMessage firstMessage() {
        Inbound inbound = provider().receive(genuineRequest(), config());
        assertThat(inbound).isInstanceOf(Inbound.Accepted.class);
        return ((Inbound.Accepted) inbound)
                .messages().stream()
                        .filter(m -> m.kind() == InboundMessage.Kind.AGENT)
                        .findFirst()
                        .orElseThrow();
    }

    @Test
    void accepts_a_genuine_request_with_a_message_for_the_agent() {
        InboundMessage message = firstMessage();

        assertThat(message.dedupeKey()).isNotBlank();
        assertThat(message.conversationKey()).isNotBlank();
        assertThat(message.text()).isNotBlank();
        assertThat(message.target()).isNotNull();
    }

    @Test
    void gives_the_same_request_the_same_dedupe_key_every_time() {
        assertThat(firstMessage().dedupeKey()).isEqualTo(firstMessage().dedupeKey());
    }

    @Test
    void rejects_a_forged_request_without_calling_the_api() {
        Inbound inbound = provider().receive(forgedRequest(), config());

        assertThat(inbound).isInstanceOf(Inbound.Rejected.class);
        assertThat(((Inbound.Rejected) inbound).status()).isBetween(400, 403);
        assertThat(paths).isEmpty();
    }

    @Test
    void delivers_a_part_in_one_call() throws Exception {
        provider().deliver(config(), firstMessage().target(), 0, "Hello!");

        assertThat(paths).hasSize(1);
    }

    @Test
    void a_429_is_retryable_after_the_wait_asked_for() {
        replies.add(new Reply(429, Map.of("Retry-After", "3"), "{\"ok\":false,\"parameters\":{\"retry_after\":3}}"));

        ProviderHttpException e = catchThrowableOfType(
                ProviderHttpException.class,
                () -> provider().deliver(config(), firstMessage().target(), 0, "Hi"));

        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    }

    @Test
    void a_server_error_is_retryable_and_a_refusal_is_not() {
        replies.add(new Reply(500, Map.of(), "{}"));
        replies.add(refused());
        InboundMessage message = firstMessage();

        ProviderHttpException serverError = catchThrowableOfType(
                ProviderHttpException.class, () -> provider().deliver(config(), message.target(), 0, "Hi"));
        ProviderHttpException refusal = catchThrowableOfType(
                ProviderHttpException.class, () -> provider().deliver(config(), message.target(), 0, "Hi"));

        assertThat(serverError.retryable()).isTrue();
        assertThat(refusal.retryable()).isFalse();
    }

    @Test
    void has_a_part_limit_and_checks_credentials() {
        assertThat(provider().partLimit()).isGreaterThanOrEqualTo(1000);
        assertThat(provider().check(config()).ok()).isTrue();
        replies.add(refused());
        CredentialCheck refusedCheck = provider().check(config());
        assertThat(refusedCheck.ok()).isFalse();
        assertThat(refusedCheck.error()).isNotBlank();
    }
}
