package dev.idun.engine.observability;

import dev.idun.engine.agui.AgUiEvent;
import java.util.Objects;

/** One AG-UI event of a run as it was emitted: its place in the run and the time it was emitted (epoch ms). */
public record TracedEvent(int seq, AgUiEvent event, long emittedAtMillis) {
    public TracedEvent {
        Objects.requireNonNull(event, "event");
    }
}
