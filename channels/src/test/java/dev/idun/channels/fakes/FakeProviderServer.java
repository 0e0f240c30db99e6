package dev.idun.channels.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A provider API on loopback: records every request and answers from scripted responses, matched by method and
 * path prefix (one-shot answers first, then the standing answer, else 200 {@code {}}).
 */
public final class FakeProviderServer implements AutoCloseable {
    /** One request the fake received. */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** A scripted answer. */
    public record Response(int status, String body, Map<String, String> headers) {
        public static Response json(int status, String body) {
            return new Response(status, body, Map.of("Content-Type", "application/json"));
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Response> standing = new HashMap<>();
    private final Map<String, Deque<Response>> once = new HashMap<>();

    public FakeProviderServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers every {@code method} request whose path starts with {@code pathPrefix} with {@code response}. */
    public synchronized FakeProviderServer stub(String method, String pathPrefix, Response response) {
        standing.put(method + " " + pathPrefix, response);
        return this;
    }

    /** Answers the next matching request with {@code response}, before the standing answer. */
    public synchronized FakeProviderServer enqueue(String method, String pathPrefix, Response response) {
        once.computeIfAbsent(method + " " + pathPrefix, k -> new ArrayDeque<>()).add(response);
        return this;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public synchronized List<Request> requests(String method, String pathPrefix) {
        return requests.stream()
                .filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix))
                .toList();
    }

    /** Waits (at most {@code timeout}) until {@code count} requests matched, and returns them. */
    public List<Request> await(String method, String pathPrefix, int count, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<Request> matched = requests(method, pathPrefix);
            if (matched.size() >= count) {
                return matched;
            }
            Thread.sleep(20);
        }
        return requests(method, pathPrefix);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Request request = new Request(
                method, path, exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
        Response response;
        synchronized (this) {
            requests.add(request);
            response = answer(method, path).orElse(Response.json(200, "{}"));
        }
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        response.headers()
                .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Optional<Response> answer(String method, String path) {
        String best = null;
        for (String key : once.keySet()) {
            if (matches(key, method, path)
                    && !once.get(key).isEmpty()
                    && (best == null || key.length() > best.length())) {
                best = key;
            }
        }
        if (best != null) {
            return Optional.of(once.get(best).poll());
        }
        for (String key : standing.keySet()) {
            if (matches(key, method, path) && (best == null || key.length() > best.length())) {
                best = key;
            }
        }
        return Optional.ofNullable(best == null ? null : standing.get(best));
    }

    private static boolean matches(String key, String method, String path) {
        int space = key.indexOf(' ');
        return key.substring(0, space).equals(method) && path.startsWith(key.substring(space + 1));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
