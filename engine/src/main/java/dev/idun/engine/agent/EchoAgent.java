package dev.idun.engine.agent;

import dev.idun.engine.agui.AgUiEvent;
import java.util.UUID;

/** The built-in offline model: answers {@code "Echo: "} followed by the last user message. */
public final class EchoAgent implements Agent {
    @Override
    public void run(RunInput input, EventSink sink) {
        String messageId = UUID.randomUUID().toString();
        sink.emit(new AgUiEvent.TextMessageStart(messageId, "assistant"));
        sink.emit(new AgUiEvent.TextMessageContent(messageId, "Echo: " + input.lastUserText()));
        sink.emit(new AgUiEvent.TextMessageEnd(messageId));
    }
}
