package dev.idun.engine.agent;

import dev.idun.engine.agui.AgUiEvent;

/** Receives the events of one run in order. Implementations decide where they go (SSE, a channel reply, a test). */
@FunctionalInterface
public interface EventSink {
    void emit(AgUiEvent event);
}
