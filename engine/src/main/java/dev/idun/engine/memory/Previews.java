package dev.idun.engine.memory;

import dev.idun.engine.agent.ChatMessage;
import java.util.List;

/** The preview of a thread in listings: its first user message, cut to a line's length. */
final class Previews {
    static final int LENGTH = 120;

    private Previews() {}

    static String firstUserText(List<ChatMessage> messages) {
        return messages.stream()
                .filter(message -> message.role().equals("user"))
                .findFirst()
                .map(message -> cut(message.content()))
                .orElse(null);
    }

    static String cut(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= LENGTH ? text : text.substring(0, LENGTH);
    }
}
