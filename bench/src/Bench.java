import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark harness: against a running server (base URL, its pid, the slow agent jar), measures /health and
 * echo /agent/run throughput with the same concurrency, then how many slow streams the server holds open at once
 * and its peak heap meanwhile. Every phase is bounded in time; the last line printed is the summary.
 */
public final class Bench {
    static final int WORKERS = 32;
    static final Duration PHASE = Duration.ofSeconds(8);
    static final int STREAMS = 2000;
    /** A new conversation per run, as many users chatting at once would make. */
    static String runBody() {
        String id = java.util.UUID.randomUUID().toString();
        return "{\"threadId\":\"t-" + id + "\",\"runId\":\"r-" + id + "\","
                + "\"messages\":[{\"id\":\"m-" + id + "\",\"role\":\"user\",\"content\":\"hello\"}]}";
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long pid = Long.parseLong(args[1]);
        String agentJar = args[2];
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        waitForHealth(client, base);

        warmUp(client, base);
        List<Long> bareLatencies = Collections.synchronizedList(new ArrayList<>());
        double bare = throughput(client, () -> get(base + "/health"), bareLatencies);
        System.out.printf(Locale.ROOT, "bare: %.0f req/s on GET /health%n", bare);
        List<Long> runLatencies = Collections.synchronizedList(new ArrayList<>());
        double runs = throughput(client, () -> post(base + "/agent/run", runBody()), runLatencies);
        List<Long> sorted = new ArrayList<>(runLatencies);
        Collections.sort(sorted);
        double p50 = percentile(sorted, 0.50) / 1e6;
        double p99 = percentile(sorted, 0.99) / 1e6;
        System.out.printf(Locale.ROOT, "runs: %.0f streams/s on POST /agent/run (echo), p50 %.2f ms, p99 %.2f ms%n",
                runs, p50, p99);

        useSlowAgent(client, base, agentJar);
        long baselineHeap = heapUsedMb(pid);
        HttpClient streams = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        HoldResult hold = holdStreams(streams, base, pid);
        System.out.printf(Locale.ROOT,
                "held: %d of %d streams open at once, %d completed, %d failed; heap %d MB before, peak %d MB%n",
                hold.peakOpen, STREAMS, hold.completed, hold.failed, baselineHeap, hold.peakHeapMb);

        System.out.printf(Locale.ROOT,
                "runs_per_s=%.0f bare_per_s=%.0f ratio=%.2f p50_ms=%.2f p99_ms=%.2f streams_held=%d heap_mb=%d%n",
                runs, bare, runs / bare, p50, p99, hold.peakOpen, hold.peakHeapMb);
        System.exit(0);
    }

    private static void waitForHealth(HttpClient client, String base) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(get(base + "/health"), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("The server did not answer /health within 60 s");
    }

    private static void warmUp(HttpClient client, String base) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < WORKERS; w++) {
                pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        client.send(get(base + "/health"), HttpResponse.BodyHandlers.discarding());
                        client.send(post(base + "/agent/run", runBody()), HttpResponse.BodyHandlers.ofString());
                    }
                    return null;
                });
            }
        }
    }

    interface RequestFactory {
        HttpRequest make();
    }

    /** Requests per second completed by {@link #WORKERS} closed-loop workers over one phase. */
    private static double throughput(HttpClient client, RequestFactory requests, List<Long> latencies)
            throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + PHASE.toNanos();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < WORKERS; w++) {
                pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> response = client.send(requests.make(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200 && !response.body().contains("RUN_ERROR")) {
                            latencies.add(System.nanoTime() - t0);
                            done.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failed.get() > 0) {
            System.out.println("failed requests: " + failed.get());
        }
        return done.get() / seconds;
    }

    private static void useSlowAgent(HttpClient client, String base, String agentJar) throws Exception {
        String body = "{\"baseEngineConfig\": {\"agent\": {\"type\": \"CUSTOM\", \"config\": {\"name\": \"Slow\","
                + " \"agent_class\": \"" + agentJar.replace("\\", "\\\\") + ":bench.SlowAgent\","
                + " \"deltas\": 24, \"delay_ms\": 500}}}}";
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(base + "/admin/api/v1/agent"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Could not switch to the slow agent: " + response.body());
        }
    }

    record HoldResult(int peakOpen, int completed, int failed, long peakHeapMb) {}

    /** Opens {@link #STREAMS} slow runs, counting those open at once and sampling the server's heap meanwhile. */
    private static HoldResult holdStreams(HttpClient client, String base, long pid) throws Exception {
        AtomicInteger open = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong peakHeap = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Thread sampler = Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < deadline && completed.get() + failed.get() < STREAMS) {
                    peakHeap.accumulateAndGet(heapUsedMb(pid), Math::max);
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            for (int i = 0; i < STREAMS; i++) {
                pool.submit(() -> {
                    boolean counted = false;
                    try {
                        HttpResponse<InputStream> response = client.send(
                                HttpRequest.newBuilder(URI.create(base + "/agent/run"))
                                        .timeout(Duration.ofSeconds(60))
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(runBody()))
                                        .build(),
                                HttpResponse.BodyHandlers.ofInputStream());
                        boolean finished = false;
                        try (BufferedReader lines = new BufferedReader(
                                new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                            String line;
                            while ((line = lines.readLine()) != null && System.nanoTime() < deadline) {
                                if (!counted && line.contains("RUN_STARTED")) {
                                    counted = true;
                                    peak.accumulateAndGet(open.incrementAndGet(), Math::max);
                                }
                                if (line.contains("RUN_FINISHED")) {
                                    finished = true;
                                }
                            }
                        }
                        if (finished) {
                            completed.incrementAndGet();
                        } else if (failed.incrementAndGet() <= 3) {
                            System.out.println("stream ended without RUN_FINISHED, status " + response.statusCode());
                        }
                    } catch (Exception e) {
                        if (failed.incrementAndGet() <= 3) {
                            System.out.println("stream failed: " + e);
                        }
                    } finally {
                        if (counted) {
                            open.decrementAndGet();
                        }
                    }
                    return null;
                });
                if (i % 50 == 49) {
                    Thread.sleep(50);
                }
            }
            pool.shutdown();
            pool.awaitTermination(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            sampler.join(1000);
        }
        return new HoldResult(peak.get(), completed.get(), failed.get(), peakHeap.get());
    }

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    /** The server's used heap in MB, from {@code jcmd <pid> GC.heap_info}. */
    private static long heapUsedMb(long pid) {
        try {
            Process jcmd = new ProcessBuilder(jcmdPath(), Long.toString(pid), "GC.heap_info")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(10, TimeUnit.SECONDS);
            Matcher used = USED.matcher(out);
            return used.find() ? Long.parseLong(used.group(1)) / 1024 : 0;
        } catch (Exception e) {
            return 0;
        }
    }

    private static String jcmdPath() {
        return ProcessHandle.current().info().command()
                .map(java -> java.replaceFirst("java$", "jcmd"))
                .orElse("jcmd");
    }

    private static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static HttpRequest post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
