package dev.idun.engine.guardrail;

import dev.idun.engine.agent.ChatMessage;
import dev.idun.engine.agent.EventSink;
import dev.idun.engine.agui.AgUiEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sits between the agent and the client: checks the assistant's streamed text before passing it on. With only
 * span guards (ban list, PII, competitors) it holds back the last window of characters, never splitting a match, so
 * a banned word cut across chunks is still seen; with any other guard it holds each message until its end. A block
 * stops the run: nothing of the blocked text is passed on, later events are dropped, and
 * {@link OutputBlockedException} is thrown to the agent. Used by one run at a time.
 */
public final class OutputGuard implements EventSink {
    /** Streamed text held beyond this many windows is checked and released even if a match might still grow. */
    private static final int MAX_WINDOWS = 8;

    private final EventSink next;
    private final Chain chain;
    private final List<ChatMessage> conversation;
    private final List<String> toolResults = new ArrayList<>();
    private final Map<String, StringBuilder> pending = new LinkedHashMap<>();
    private String blocked;

    OutputGuard(EventSink next, Chain chain, List<ChatMessage> conversation) {
        this.next = next;
        this.chain = chain;
        this.conversation = List.copyOf(conversation);
    }

    @Override
    public void emit(AgUiEvent event) {
        if (blocked != null) {
            return;
        }
        if (chain.isEmpty()) {
            next.emit(event);
        } else if (event instanceof AgUiEvent.TextMessageContent content) {
            pending.computeIfAbsent(content.messageId(), id -> new StringBuilder())
                    .append(content.delta());
            release(content.messageId(), false);
        } else if (event instanceof AgUiEvent.TextMessageEnd end) {
            release(end.messageId(), true);
            pending.remove(end.messageId());
            next.emit(end);
        } else {
            if (event instanceof AgUiEvent.ToolCallResult result) {
                toolResults.add(result.content());
            }
            next.emit(event);
        }
    }

    /** Checks and passes on the text of messages the agent left open; call when the agent is done. */
    public void finish() {
        for (String messageId : List.copyOf(pending.keySet())) {
            if (blocked == null) {
                release(messageId, true);
            }
        }
        pending.clear();
    }

    /** The reject message when a guard blocked this run. */
    public Optional<String> blocked() {
        return Optional.ofNullable(blocked);
    }

    private void release(String messageId, boolean end) {
        StringBuilder buffer = pending.get(messageId);
        if (buffer == null || buffer.length() == 0) {
            return;
        }
        String text = buffer.toString();
        int cut = end ? text.length() : chain.streamable() ? cut(text) : 0;
        if (cut <= 0) {
            return;
        }
        Verdict verdict = chain.check(text.substring(0, cut), new GuardContext(conversation, toolResults));
        if (verdict.blocked()) {
            blocked = verdict.text();
            pending.clear();
            throw new OutputBlockedException(blocked);
        }
        buffer.delete(0, cut);
        String out = verdict.outcome() == Verdict.Outcome.FIXED ? verdict.text() : text.substring(0, cut);
        if (!out.isEmpty()) {
            next.emit(new AgUiEvent.TextMessageContent(messageId, out));
        }
    }

    /**
     * Where held text can be split: at least a window before its end, at whitespace where there is some, and never
     * inside a match (nor before one that touches the end and may still grow).
     */
    private int cut(String text) {
        int window = chain.window();
        int cut = text.length() - window;
        if (cut <= 0) {
            return 0;
        }
        for (int i = cut; i > 0 && i >= cut - window; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                cut = i;
                break;
            }
        }
        boolean moved = true;
        while (moved && cut > 0) {
            moved = false;
            for (Guard guard : chain.guards()) {
                for (Match match : ((SpanGuard) guard).find(text)) {
                    boolean straddles = match.start() < cut && match.end() > cut;
                    boolean growing = match.end() >= text.length() && match.start() < cut;
                    if (straddles || growing) {
                        cut = match.start();
                        moved = true;
                    }
                }
            }
        }
        return cut == 0 && text.length() > window * MAX_WINDOWS ? text.length() - window : cut;
    }
}
