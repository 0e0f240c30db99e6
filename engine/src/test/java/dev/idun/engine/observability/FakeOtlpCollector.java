package dev.idun.engine.observability;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * An OTLP/HTTP trace collector on loopback: it decodes every protobuf export request it receives (any path), records
 * its path, headers and spans, and answers 200, or holds every request until {@link #release()} when built
 * {@linkplain #stuck() stuck}.
 */
public final class FakeOtlpCollector implements AutoCloseable {
    /** One received span: names, ids in hex, attributes (strings, longs, doubles, booleans, lists) and resource. */
    public record ReceivedSpan(
            String name,
            String traceId,
            String spanId,
            String parentSpanId,
            Map<String, Object> attributes,
            Map<String, Object> resource,
            long durationNanos) {}

    /** One received export request. */
    public record Received(String path, String contentType, Map<String, String> headers, List<ReceivedSpan> spans) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch released;

    private FakeOtlpCollector(boolean stuck) throws IOException {
        released = new CountDownLatch(stuck ? 1 : 0);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeOtlpCollector start() throws IOException {
        return new FakeOtlpCollector(false);
    }

    /** A collector that accepts connections but answers nothing until released. */
    public static FakeOtlpCollector stuck() throws IOException {
        return new FakeOtlpCollector(true);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> requests() {
        return List.copyOf(requests);
    }

    public List<ReceivedSpan> spans() {
        return requests.stream().flatMap(r -> r.spans().stream()).toList();
    }

    /** Waits up to {@code wait} until a received span matches; returns it or fails with what was received. */
    public ReceivedSpan awaitSpan(Predicate<ReceivedSpan> match, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            for (ReceivedSpan span : spans()) {
                if (match.test(span)) {
                    return span;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no matching span within " + wait + "; received "
                + spans().stream().map(ReceivedSpan::name).toList());
    }

    public void release() {
        released.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
            requests.add(new Received(
                    exchange.getRequestURI().getPath(), headers.get("content-type"), headers, spans(request)));
            released.await(30, TimeUnit.SECONDS);
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            exchange.sendResponseHeaders(400, -1);
        } finally {
            exchange.close();
        }
    }

    private static List<ReceivedSpan> spans(ExportTraceServiceRequest request) {
        List<ReceivedSpan> out = new CopyOnWriteArrayList<>();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            Map<String, Object> resourceAttributes =
                    attributes(resource.getResource().getAttributesList());
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    out.add(new ReceivedSpan(
                            span.getName(),
                            hex(span.getTraceId()),
                            hex(span.getSpanId()),
                            span.getParentSpanId().isEmpty() ? null : hex(span.getParentSpanId()),
                            attributes(span.getAttributesList()),
                            resourceAttributes,
                            span.getEndTimeUnixNano() - span.getStartTimeUnixNano()));
                }
            }
        }
        return out;
    }

    private static Map<String, Object> attributes(List<KeyValue> values) {
        Map<String, Object> map = new LinkedHashMap<>();
        values.forEach(kv -> map.put(kv.getKey(), value(kv.getValue())));
        return map;
    }

    private static Object value(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> value.getIntValue();
            case DOUBLE_VALUE -> value.getDoubleValue();
            case BOOL_VALUE -> value.getBoolValue();
            case ARRAY_VALUE ->
                value.getArrayValue().getValuesList().stream()
                        .map(FakeOtlpCollector::value)
                        .toList();
            default -> value.toString();
        };
    }

    private static String hex(ByteString bytes) {
        return HexFormat.of().formatHex(bytes.toByteArray());
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
