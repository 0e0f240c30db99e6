package dev.idun.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.idun.config.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A model provider on loopback that answers each request with the next scripted reply (server-sent events or an
 * HTTP error) and records every request it gets.
 */
public final class FakeModelServer implements AutoCloseable {
    /** One recorded request: its path with query, headers (lower-cased names) and JSON body. */
    public record Request(String path, Map<String, String> headers, JsonNode body) {}

    /** One scripted reply. */
    public interface Reply {
        void write(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FakeModelServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public FakeModelServer reply(Reply reply) {
        replies.add(reply);
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Server-sent events, one {@code data:} line per chunk, optionally each preceded by an {@code event:} line. */
    public static Reply events(List<String[]> namedChunks) {
        return exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (String[] chunk : namedChunks) {
                    String text = (chunk[0] == null ? "" : "event: " + chunk[0] + "\n") + "data: " + chunk[1] + "\n\n";
                    out.write(text.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        };
    }

    /** OpenAI chat-completion chunks (each a JSON object), then {@code [DONE]}. */
    public static Reply openAi(String... chunks) {
        List<String[]> events = new ArrayList<>();
        for (String chunk : chunks) {
            events.add(new String[] {null, chunk});
        }
        events.add(new String[] {null, "[DONE]"});
        return events(events);
    }

    /** A status code with a JSON body. */
    public static Reply error(int status, String json) {
        return exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        };
    }

    /** Sends {@code first} as an event, then stays silent for {@code silenceMillis} before closing. */
    public static Reply stalled(String first, long silenceMillis) {
        return exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(("data: " + first + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(silenceMillis);
            } catch (IOException e) {
                // the client hung up, which is what a stalled stream should lead to
            }
        };
    }

    /**
     * Sends {@code chunk} as an event every {@code intervalMillis}, {@code count} times; counts {@code hungUp} down
     * when the client closes the stream before the end.
     */
    public static Reply dripping(String chunk, long intervalMillis, int count, CountDownLatch hungUp) {
        return exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < count; i++) {
                    out.write(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(intervalMillis);
                }
            } catch (IOException e) {
                hungUp.countDown();
            }
        };
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
        requests.add(new Request(
                exchange.getRequestURI().toString(), headers, body.isBlank() ? Json.object() : Json.parse(body)));
        Reply reply = replies.poll();
        try {
            if (reply == null) {
                error(500, "{\"error\":{\"message\":\"no scripted reply\"}}").write(exchange);
            } else {
                reply.write(exchange);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
