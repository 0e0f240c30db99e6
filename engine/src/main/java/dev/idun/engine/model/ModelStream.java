package dev.idun.engine.model;

import dev.idun.engine.agent.EventSink;
import dev.idun.engine.agui.AgUiEvent;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One streaming call of the model, turned into AG-UI events on the calling thread: the provider's callbacks only
 * queue what arrives, so the sink is never called from the provider's threads. When the sink throws or the stream
 * stalls, the call is cancelled.
 */
final class ModelStream implements StreamingChatResponseHandler {
    private final ChatModels.Model model;
    private final Duration idleTimeout;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final String messageId = UUID.randomUUID().toString();
    private final Map<Integer, String> callIds = new HashMap<>();
    private final Set<Integer> ended = new HashSet<>();
    private volatile boolean cancelled;
    private volatile StreamingHandle handle;
    private boolean textOpen;
    private ChatResponse response;

    ModelStream(ChatModels.Model model, Duration idleTimeout) {
        this.model = model;
        this.idleTimeout = idleTimeout;
    }

    private record Done(ChatResponse response) {}

    private record Failed(Throwable error) {}

    /** Streams {@code request} to {@code sink} and returns the model's complete answer (tool call ids filled in). */
    AiMessage run(ChatRequest request, EventSink sink) throws Exception {
        boolean finished = false;
        try {
            model.chat().chat(request, this);
            while (true) {
                Object signal = queue.poll(idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
                if (signal == null) {
                    throw new ModelProviderException("Model provider '" + model.provider() + "' (model " + model.name()
                            + ") sent nothing for " + idleTimeout.toMillis() + " ms; gave up.");
                } else if (signal instanceof String delta) {
                    if (!textOpen) {
                        textOpen = true;
                        sink.emit(new AgUiEvent.TextMessageStart(messageId, "assistant"));
                    }
                    sink.emit(new AgUiEvent.TextMessageContent(messageId, delta));
                } else if (signal instanceof PartialToolCall partial) {
                    closeText(sink);
                    start(partial.index(), partial.id(), partial.name(), sink);
                    if (partial.partialArguments() != null
                            && !partial.partialArguments().isEmpty()) {
                        sink.emit(new AgUiEvent.ToolCallArgs(callIds.get(partial.index()), partial.partialArguments()));
                    }
                } else if (signal instanceof CompleteToolCall complete) {
                    closeText(sink);
                    finish(complete.index(), complete.toolExecutionRequest(), sink);
                } else if (signal instanceof Done done) {
                    response = done.response();
                    closeText(sink);
                    AiMessage answer = done.response().aiMessage();
                    List<ToolExecutionRequest> calls = new ArrayList<>();
                    for (int i = 0; i < answer.toolExecutionRequests().size(); i++) {
                        ToolExecutionRequest call =
                                answer.toolExecutionRequests().get(i);
                        finish(i, call, sink);
                        calls.add(call.toBuilder().id(callIds.get(i)).build());
                    }
                    finished = true;
                    return calls.isEmpty()
                            ? answer
                            : answer.toBuilder().toolExecutionRequests(calls).build();
                } else if (signal instanceof Failed failed) {
                    throw providerError(failed.error());
                }
            }
        } finally {
            if (!finished) {
                cancel();
            }
        }
    }

    /** The provider's complete response (token usage, model, finish reason) once {@link #run} returned. */
    ChatResponse response() {
        return response;
    }

    private void start(int index, String id, String name, EventSink sink) {
        if (!callIds.containsKey(index)) {
            String callId = id == null || id.isBlank() ? "call_" + UUID.randomUUID() : id;
            callIds.put(index, callId);
            sink.emit(new AgUiEvent.ToolCallStart(callId, name, messageId));
        }
    }

    private void finish(int index, ToolExecutionRequest call, EventSink sink) {
        if (ended.contains(index)) {
            return;
        }
        if (!callIds.containsKey(index)) {
            start(index, call.id(), call.name(), sink);
            if (call.arguments() != null && !call.arguments().isEmpty()) {
                sink.emit(new AgUiEvent.ToolCallArgs(callIds.get(index), call.arguments()));
            }
        }
        ended.add(index);
        sink.emit(new AgUiEvent.ToolCallEnd(callIds.get(index)));
    }

    private void closeText(EventSink sink) {
        if (textOpen) {
            textOpen = false;
            sink.emit(new AgUiEvent.TextMessageEnd(messageId));
        }
    }

    private ModelProviderException providerError(Throwable error) {
        String detail = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        if (model.apiKey() != null && !model.apiKey().isEmpty()) {
            detail = detail.replace(model.apiKey(), "****");
        }
        return new ModelProviderException(
                "Model provider '" + model.provider() + "' (model " + model.name() + ") failed: " + detail, error);
    }

    private void cancel() {
        cancelled = true;
        StreamingHandle current = handle;
        if (current != null && !current.isCancelled()) {
            current.cancel();
        }
    }

    private boolean accept(StreamingHandle streamingHandle) {
        handle = streamingHandle;
        if (cancelled) {
            streamingHandle.cancel();
            return false;
        }
        return true;
    }

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
        if (accept(context.streamingHandle())
                && partial.text() != null
                && !partial.text().isEmpty()) {
            queue.add(partial.text());
        }
    }

    @Override
    public void onPartialToolCall(PartialToolCall partial, PartialToolCallContext context) {
        if (accept(context.streamingHandle())) {
            queue.add(partial);
        }
    }

    @Override
    public void onCompleteToolCall(CompleteToolCall complete) {
        if (!cancelled) {
            queue.add(complete);
        }
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        queue.add(new Done(response));
    }

    @Override
    public void onError(Throwable error) {
        queue.add(new Failed(error));
    }
}
