package dev.idun.engine.observability;

import dev.idun.engine.agent.ChatMessage;
import dev.idun.engine.agent.EventSink;
import dev.idun.engine.agent.RunInput;
import dev.idun.engine.agui.AgUiEvent;
import dev.idun.engine.run.InputBlockedException;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run as it is observed: the run's span (the parent of its model and tool spans while the run is
 * {@linkplain #activate() active} on its thread), the events it emitted (the first {@link #MAX_EVENTS}) and its
 * ended spans. {@link #end()} ends the run span and hands the whole {@link RunTrace} to the trace sink. Thread-safe.
 */
public final class RunObservation {
    private static final Logger LOG = LoggerFactory.getLogger(RunObservation.class);
    static final ContextKey<Tracer> TRACER = ContextKey.named("idun-run-tracer");
    public static final int MAX_EVENTS = 2000;
    static final int TITLE_LENGTH = 100;

    private final Tracer tracer;
    private final Span span;
    private final String traceId;
    private final RunInput input;
    private final RunTraceSink traces;
    private final Consumer<String> onEnd;
    private final long startedAt = System.currentTimeMillis();
    private final Object lock = new Object();
    private final List<TracedEvent> events = new ArrayList<>();
    private final List<TracedSpan> spans = new ArrayList<>();
    private int seq;
    private int dropped;
    private int textMessages;
    private String status;
    private String errorMessage;
    private boolean ended;

    RunObservation(Tracer tracer, String agentName, RunInput input, RunTraceSink traces, Consumer<String> onEnd) {
        this.tracer = tracer;
        this.input = input;
        this.traces = traces;
        this.onEnd = onEnd;
        this.span = tracer.spanBuilder(GenAi.INVOKE_AGENT + " " + agentName)
                .setSpanKind(SpanKind.INTERNAL)
                .setParent(Context.root())
                .setAllAttributes(Attributes.builder()
                        .put(GenAi.OPERATION_NAME, GenAi.INVOKE_AGENT)
                        .put(GenAi.AGENT_NAME, agentName)
                        .put(GenAi.CONVERSATION_ID, input.threadId())
                        .put("session.id", input.threadId())
                        .put(GenAi.RUN_ID, input.runId())
                        .build())
                .startSpan();
        this.traceId = span.getSpanContext().getTraceId();
    }

    String traceId() {
        return traceId;
    }

    /** {@code sink} with every event recorded before it is passed on. */
    public EventSink observe(EventSink sink) {
        return event -> {
            record(event);
            sink.emit(event);
        };
    }

    /** Makes the run span the parent of spans started on this thread until the scope is closed. */
    public Scope activate() {
        return Context.current().with(span).with(TRACER, tracer).makeCurrent();
    }

    /** The run ended with an exception that left the pipeline (a blocked input, a client that went away). */
    public void failed(Throwable error) {
        synchronized (lock) {
            if (status == null) {
                status = error instanceof InputBlockedException ? RunTrace.BLOCKED : RunTrace.INCOMPLETE;
                errorMessage = error instanceof InputBlockedException blocked
                        ? blocked.rejectMessage()
                        : error.getClass().getSimpleName() + ": " + error.getMessage();
            }
        }
    }

    /** Ends the run span and hands the run to the trace sink; idempotent. */
    public void end() {
        long input;
        long output;
        synchronized (lock) {
            if (ended) {
                return;
            }
            ended = true;
            if (status == null) {
                status = RunTrace.INCOMPLETE;
            }
            input = tokens(GenAi.USAGE_INPUT_TOKENS.getKey());
            output = tokens(GenAi.USAGE_OUTPUT_TOKENS.getKey());
        }
        span.setAttribute(GenAi.USAGE_INPUT_TOKENS, input);
        span.setAttribute(GenAi.USAGE_OUTPUT_TOKENS, output);
        span.setAttribute(GenAi.RUN_STATUS, status);
        if (RunTrace.ERROR.equals(status)) {
            span.setStatus(StatusCode.ERROR, errorMessage == null ? "" : errorMessage);
        }
        span.end();
        onEnd.accept(traceId);
        try {
            traces.accept(trace(input, output));
        } catch (RuntimeException e) {
            LOG.warn("Trace sink refused run {}: {}", this.input.runId(), e.toString());
        }
    }

    private RunTrace trace(long inputTokens, long outputTokens) {
        synchronized (lock) {
            String title = title();
            return new RunTrace(
                    traceId,
                    input.threadId(),
                    input.runId(),
                    title,
                    startedAt,
                    System.currentTimeMillis(),
                    status,
                    errorMessage,
                    inputTokens,
                    outputTokens,
                    (title == null ? 0 : 1) + textMessages,
                    dropped,
                    events,
                    spans);
        }
    }

    void spanEnded(SpanData data) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        data.getAttributes().forEach((key, value) -> attributes.put(key.getKey(), value));
        String parent = data.getParentSpanContext().isValid()
                ? data.getParentSpanContext().getSpanId()
                : null;
        TracedSpan traced = new TracedSpan(
                data.getSpanId(),
                parent,
                data.getName(),
                data.getStartEpochNanos(),
                data.getEndEpochNanos(),
                data.getStatus().getStatusCode().name(),
                data.getStatus().getDescription(),
                attributes);
        synchronized (lock) {
            spans.add(traced);
        }
    }

    private void record(AgUiEvent event) {
        long now = System.currentTimeMillis();
        synchronized (lock) {
            if (event instanceof AgUiEvent.RunFinished) {
                status = RunTrace.FINISHED;
            } else if (event instanceof AgUiEvent.RunError error) {
                status = "GUARDRAIL_BLOCKED".equals(error.code()) ? RunTrace.BLOCKED : RunTrace.ERROR;
                errorMessage = error.message();
            } else if (event instanceof AgUiEvent.TextMessageStart) {
                textMessages++;
            }
            seq++;
            if (events.size() < MAX_EVENTS) {
                events.add(new TracedEvent(seq, event, now));
            } else {
                dropped++;
            }
        }
    }

    private long tokens(String key) {
        return spans.stream()
                .filter(s -> GenAi.CHAT.equals(s.attributes().get(GenAi.OPERATION_NAME.getKey())))
                .mapToLong(s -> s.longAttribute(key))
                .sum();
    }

    private String title() {
        List<ChatMessage> messages = input.messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) {
                String text = messages.get(i).content().strip().replaceAll("\\s+", " ");
                return text.length() <= TITLE_LENGTH ? text : text.substring(0, TITLE_LENGTH - 1) + "…";
            }
        }
        return null;
    }
}
