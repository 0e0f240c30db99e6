package bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.engine.agent.Agent;
import dev.idun.engine.agent.EventSink;
import dev.idun.engine.agent.RunInput;
import dev.idun.engine.agui.AgUiEvent;
import java.util.UUID;

/** A custom agent for the benchmark: streams {@code deltas} deltas {@code delay_ms} apart, holding its run open. */
public final class SlowAgent implements Agent {
    private final int deltas;
    private final long delayMillis;

    public SlowAgent(ObjectNode config) {
        this.deltas = config.path("deltas").asInt(20);
        this.delayMillis = config.path("delay_ms").asLong(500);
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
