package dev.idun.engine.observability;

import dev.idun.config.EngineConfig;
import dev.idun.config.observability.ObservabilityConfig;
import dev.idun.engine.agent.RunInput;
import dev.idun.engine.runtime.RuntimeBuildException;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The OpenTelemetry side of one runtime: a tracer whose spans (run, model calls, tool calls) go to the run's trace
 * recording and, when an observability provider is enabled, to its OTLP/HTTP exporter through a bounded queue. Built
 * with the runtime and closed with it (a reload builds a new one). Thread-safe.
 */
public final class Telemetry implements AutoCloseable {
    static final int EXPORT_QUEUE = 2048;
    static final Duration EXPORT_DELAY = Duration.ofMillis(500);
    static final Duration EXPORT_TIMEOUT = Duration.ofSeconds(10);

    private final SdkTracerProvider provider;
    private final Tracer tracer;
    private final String agentName;
    private final ExportQueue export;
    private final Map<String, RunObservation> open = new ConcurrentHashMap<>();

    private Telemetry(String serviceName, String runName, ExportTarget target) {
        this(serviceName, runName, target, EXPORT_QUEUE);
    }

    /** {@code exportQueue}: how many ended spans may wait for the exporter before new ones are dropped. */
    Telemetry(String serviceName, String runName, ExportTarget target, int exportQueue) {
        this.agentName = runName;
        AttributesBuilder resource = Attributes.builder().put("service.name", serviceName);
        if (target != null) {
            target.resourceAttributes().forEach(resource::put);
        }
        SdkTracerProviderBuilder builder = SdkTracerProvider.builder()
                .setResource(Resource.create(resource.build()))
                .addSpanProcessor(new Recorder());
        this.export = target == null ? null : exportQueue(target, exportQueue);
        if (export != null) {
            builder.addSpanProcessor(export);
        }
        this.provider = builder.build();
        this.tracer = provider.get("dev.idun.engine");
    }

    /** Telemetry that records spans for the trace store only (no exporter). */
    public static Telemetry local(String agentName) {
        return new Telemetry(agentName, agentName, null);
    }

    /** The telemetry of {@code config}: its enabled provider's exporter, or none; fails on a provider that cannot work. */
    public static Telemetry of(EngineConfig config, ExportTargets targets) throws RuntimeBuildException {
        String name = config.agent() == null ? "idun-agent" : config.agent().name();
        ObservabilityConfig observability = config.observability();
        Optional<ExportTarget> target = targets.of(observability, name);
        return new Telemetry(name, target.map(t -> runName(observability, name)).orElse(name), target.orElse(null));
    }

    /** Starts observing one run; its events and spans go to {@code traces} when it ends. */
    public RunObservation start(RunInput input, RunTraceSink traces) {
        RunObservation run = new RunObservation(tracer, agentName, input, traces, open::remove);
        open.put(run.traceId(), run);
        return run;
    }

    /** The counters of the exporter, when a provider is enabled. */
    public Optional<ExportStats> exportStats() {
        return Optional.ofNullable(export).map(ExportQueue::stats);
    }

    /** Exports what is queued (bounded wait) and stops the exporter; idempotent. */
    @Override
    public void close() {
        provider.shutdown().join(10, TimeUnit.SECONDS);
    }

    private static ExportQueue exportQueue(ExportTarget target, int capacity) {
        OtlpHttpSpanExporterBuilder exporter =
                OtlpHttpSpanExporter.builder().setEndpoint(target.endpoint()).setTimeout(EXPORT_TIMEOUT);
        target.headers().forEach(exporter::addHeader);
        return new ExportQueue(target, exporter.build(), capacity, EXPORT_DELAY, EXPORT_TIMEOUT);
    }

    private static String runName(ObservabilityConfig observability, String fallback) {
        String runName = observability.config().path("runName").asText("");
        if (runName.isBlank()) {
            runName = observability.config().path("traceName").asText("");
        }
        return runName.isBlank() ? fallback : runName;
    }

    /** Hands every ended span to the recording of the run it belongs to. */
    private final class Recorder implements SpanProcessor {
        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {}

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
            RunObservation run = open.get(span.getSpanContext().getTraceId());
            if (run != null) {
                run.spanEnded(span.toSpanData());
            }
        }

        @Override
        public boolean isEndRequired() {
            return true;
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
