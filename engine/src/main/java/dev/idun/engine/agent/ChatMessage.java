package dev.idun.engine.agent;

import java.util.Objects;

/** One message of a conversation as the agent sees it. */
public record ChatMessage(String id, String role, String content) {
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        content = content == null ? "" : content;
    }
}
