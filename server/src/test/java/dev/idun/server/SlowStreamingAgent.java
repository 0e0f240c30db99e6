package dev.idun.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.engine.agent.Agent;
import dev.idun.engine.agent.EventSink;
import dev.idun.engine.agent.RunInput;
import dev.idun.engine.agui.AgUiEvent;
import java.util.UUID;

/**
 * A custom agent on the test classpath that streams {@code deltas} one-character deltas {@code delay_ms} apart, so
 * runs stay in flight long enough to overlap reloads.
 */
public final class SlowStreamingAgent implements Agent {
    private final int deltas;
    private final long delayMillis;

    public SlowStreamingAgent(ObjectNode config) {
        this.deltas = config.path("deltas").asInt(20);
        this.delayMillis = config.path("delay_ms").asLong(20);
    }

    @Override
    public void run(RunInput input, EventSink sink) throws InterruptedException {
        String messageId = UUID.randomUUID().toString();
        sink.emit(new AgUiEvent.TextMessageStart(messageId, "assistant"));
        for (int i = 0; i < deltas; i++) {
            Thread.sleep(delayMillis);
            sink.emit(new AgUiEvent.TextMessageContent(messageId, "."));
        }
        sink.emit(new AgUiEvent.TextMessageEnd(messageId));
    }
}
