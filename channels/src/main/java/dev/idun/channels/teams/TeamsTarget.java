package dev.idun.channels.teams;

import dev.idun.channels.ReplyTarget;
import java.util.Objects;

/** Where a Teams reply goes: the incoming activity (its service URL, conversation, parties and id). */
record TeamsTarget(TeamsActivity activity) implements ReplyTarget {
    TeamsTarget {
        Objects.requireNonNull(activity, "activity");
    }
}
