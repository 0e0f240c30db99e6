package dev.idun.engine.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.List;

/**
 * Spans of model calls and tool calls, children of the run active on the calling thread (see
 * {@link RunObservation#activate()}); outside a run they record nothing. Each span also carries its latency in
 * milliseconds. Returned spans are used by one thread.
 */
public final class GenAiSpans {
    private GenAiSpans() {}

    /** A {@code chat} span for one call of {@code model} at {@code provider}. */
    public static Call chat(String provider, String model) {
        Tracer tracer = Context.current().get(RunObservation.TRACER);
        if (tracer == null) {
            return Call.NONE;
        }
        String system = GenAi.providerName(provider);
        Span span = tracer.spanBuilder(GenAi.CHAT + " " + model)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(GenAi.OPERATION_NAME, GenAi.CHAT)
                .setAttribute(GenAi.SYSTEM, system)
                .setAttribute(GenAi.PROVIDER_NAME, system)
                .setAttribute(GenAi.REQUEST_MODEL, model)
                .startSpan();
        return new Call(span);
    }

    /** An {@code execute_tool} span for one server-side call of the tool {@code name}. */
    public static Call tool(String name, String callId) {
        Tracer tracer = Context.current().get(RunObservation.TRACER);
        if (tracer == null) {
            return Call.NONE;
        }
        Span span = tracer.spanBuilder(GenAi.EXECUTE_TOOL + " " + name)
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute(GenAi.OPERATION_NAME, GenAi.EXECUTE_TOOL)
                .setAttribute(GenAi.TOOL_NAME, name)
                .setAttribute(GenAi.TOOL_CALL_ID, callId == null ? "" : callId)
                .setAttribute(GenAi.TOOL_TYPE, "function")
                .startSpan();
        return new Call(span);
    }

    /** One open span; {@link #end()} closes it (once). */
    public static final class Call {
        static final Call NONE = new Call(Span.getInvalid());

        private final Span span;
        private final long started = System.nanoTime();

        Call(Span span) {
            this.span = span;
        }

        /** The token usage the provider reported (null counts are left out). */
        public Call usage(Integer input, Integer output) {
            if (input != null) {
                span.setAttribute(GenAi.USAGE_INPUT_TOKENS, input.longValue());
            }
            if (output != null) {
                span.setAttribute(GenAi.USAGE_OUTPUT_TOKENS, output.longValue());
            }
            return this;
        }

        /** What the provider answered: the model that answered, its response id and why it stopped. */
        public Call response(String model, String id, String finishReason) {
            if (model != null) {
                span.setAttribute(GenAi.RESPONSE_MODEL, model);
            }
            if (id != null) {
                span.setAttribute(GenAi.RESPONSE_ID, id);
            }
            if (finishReason != null) {
                span.setAttribute(GenAi.FINISH_REASONS, List.of(finishReason));
            }
            return this;
        }

        public Call failed(Throwable error) {
            span.setAttribute(GenAi.ERROR_TYPE, error.getClass().getName());
            span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
            return this;
        }

        /** Marks a call that answered with an error text rather than an exception (a failing tool). */
        public Call failed(String message) {
            span.setAttribute(GenAi.ERROR_TYPE, "tool_error");
            span.setStatus(StatusCode.ERROR, message);
            return this;
        }

        public void end() {
            span.setAttribute(GenAi.LATENCY_MS, (System.nanoTime() - started) / 1_000_000.0);
            span.end();
        }
    }
}
