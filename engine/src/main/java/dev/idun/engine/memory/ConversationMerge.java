package dev.idun.engine.memory;

import dev.idun.engine.agent.ChatMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Merges what a client sends with the stored history of a thread. AG-UI clients may resend the whole conversation or
 * only the new message: a message whose id is stored is already known, a message without an id (or with an unknown
 * one) is new. The stored messages come first, then the new ones in the order sent.
 */
public record ConversationMerge(List<ChatMessage> conversation, List<ChatMessage> added) {
    public ConversationMerge {
        conversation = List.copyOf(conversation);
        added = List.copyOf(added);
    }

    public static ConversationMerge of(List<ChatMessage> stored, List<ChatMessage> incoming) {
        Set<String> known = new HashSet<>();
        stored.forEach(message -> known.add(message.id()));
        List<ChatMessage> conversation = new ArrayList<>(stored);
        List<ChatMessage> added = new ArrayList<>();
        for (ChatMessage message : incoming) {
            if (message.id() != null && !message.id().isEmpty() && !known.add(message.id())) {
                continue;
            }
            ChatMessage withId = message.id() == null || message.id().isEmpty()
                    ? new ChatMessage(
                            UUID.randomUUID().toString(),
                            message.role(),
                            message.content(),
                            message.toolCalls(),
                            message.toolCallId())
                    : message;
            conversation.add(withId);
            added.add(withId);
        }
        return new ConversationMerge(conversation, added);
    }
}
