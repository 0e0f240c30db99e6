package dev.idun.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.idun.config.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A messaging provider's API on loopback: records every call and answers with the replies a test queued, then with
 * its default answer. Speaks plain HTTP/1.1 like the real APIs do (minus TLS).
 */
final class FakeProviderApi implements AutoCloseable {
    record Call(String method, String path, String query, Map<String, String> headers, String body, long atNanos) {
        JsonNode json() {
            return Json.parse(body);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    record Reply(int status, Map<String, String> headers, String body) {
        static Reply json(int status, String body) {
            return new Reply(status, Map.of(), body);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Reply> queued = new ConcurrentLinkedDeque<>();
    private final Function<Call, Reply> fallback;

    private FakeProviderApi(Function<Call, Reply> fallback) throws IOException {
        this.fallback = fallback;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeProviderApi start(Function<Call, Reply> fallback) {
        try {
            return new FakeProviderApi(fallback);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers the next calls with {@code replies}, in order, before falling back to the default answer. */
    void enqueue(Reply... replies) {
        queued.addAll(List.of(replies));
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Waits until at least {@code count} calls arrived (or {@code timeout} passed) and returns them all. */
    List<Call> awaitCalls(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (calls.size() < count && System.nanoTime() < deadline) {
            pause(20);
        }
        return calls();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Call call = new Call(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(),
                headers,
                body,
                System.nanoTime());
        calls.add(call);
        Reply reply = queued.poll();
        if (reply == null) {
            reply = fallback.apply(call);
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Calls whose path ends with {@code suffix}. */
    List<Call> callsTo(String suffix) {
        List<Call> matching = new ArrayList<>();
        for (Call call : calls) {
            if (call.path().endsWith(suffix)) {
                matching.add(call);
            }
        }
        return matching;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
