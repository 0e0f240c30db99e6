package dev.idun.channels.discord;

import dev.idun.channels.ReplyTarget;
import java.util.Objects;

/** Where a Discord reply goes: the interaction's continuation token (valid for 15 minutes). */
record DiscordTarget(String interactionToken) implements ReplyTarget {
    DiscordTarget {
        Objects.requireNonNull(interactionToken, "interactionToken");
    }

    @Override
    public String toString() {
        return "DiscordTarget[***]";
    }
}
