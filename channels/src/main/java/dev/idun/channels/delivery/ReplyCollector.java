package dev.idun.channels.delivery;

import dev.idun.engine.agent.EventSink;
import dev.idun.engine.agui.AgUiEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what a channel replies from the events of one run: the text of the assistant's messages (several messages
 * are joined by a blank line), or, when the run ends in a {@code RUN_ERROR}, the guardrail's message for a {@code
 * GUARDRAIL_BLOCKED} (never the partial text before it) and an apology for any other error. Used by one run only.
 */
final class ReplyCollector implements EventSink {
    static final String GUARDRAIL_BLOCKED = "GUARDRAIL_BLOCKED";

    private final Map<String, StringBuilder> messages = new LinkedHashMap<>();
    private AgUiEvent.RunError error;

    @Override
    public void emit(AgUiEvent event) {
        if (event instanceof AgUiEvent.TextMessageStart start && !"assistant".equals(start.role())) {
            messages.remove(start.messageId());
        } else if (event instanceof AgUiEvent.TextMessageContent content && content.delta() != null) {
            messages.computeIfAbsent(content.messageId(), id -> new StringBuilder())
                    .append(content.delta());
        } else if (event instanceof AgUiEvent.RunError runError && error == null) {
            error = runError;
        }
    }

    AgentReply reply() {
        if (error != null) {
            if (GUARDRAIL_BLOCKED.equals(error.code())) {
                return AgentReply.answer(error.message());
            }
            return AgentReply.apology("Agent run failed (" + error.code() + "): " + error.message());
        }
        List<String> texts = new ArrayList<>();
        messages.values().stream()
                .map(text -> text.toString().strip())
                .filter(text -> !text.isEmpty())
                .forEach(texts::add);
        if (texts.isEmpty()) {
            return new AgentReply("", "The agent's answer was empty");
        }
        return AgentReply.answer(String.join("\n\n", texts));
    }
}
