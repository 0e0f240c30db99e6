package dev.idun.engine.guardrail;

import dev.idun.engine.agent.ChatMessage;
import java.util.List;

/**
 * What surrounds the checked text, for the guards that judge it against something: the conversation the agent was
 * given and the tool results of this run so far.
 */
record GuardContext(List<ChatMessage> conversation, List<String> toolResults) {
    GuardContext {
        conversation = List.copyOf(conversation);
        toolResults = List.copyOf(toolResults);
    }

    static GuardContext of(List<ChatMessage> conversation) {
        return new GuardContext(conversation, List.of());
    }
}
