package dev.idun.channels.slack;

import dev.idun.channels.ReplyTarget;
import java.util.Objects;

/** A Slack reply goes to the message's channel, in its thread when it was posted in one ({@code threadTs} else null). */
record SlackTarget(String channel, String threadTs) implements ReplyTarget {
    SlackTarget {
        Objects.requireNonNull(channel, "channel");
    }
}
