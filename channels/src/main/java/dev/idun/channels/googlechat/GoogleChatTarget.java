package dev.idun.channels.googlechat;

import dev.idun.channels.ReplyTarget;
import java.util.Objects;

/** Where a Google Chat reply goes: the space, and the thread of the message when it had one. */
record GoogleChatTarget(String space, String thread) implements ReplyTarget {
    GoogleChatTarget {
        Objects.requireNonNull(space, "space");
    }
}
