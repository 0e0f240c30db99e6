package dev.idun.channels.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Json;

/** The interaction responses our webhook answers with (Discord interaction callback types). */
public final class DiscordResponses {
    /** The answer to a command from a guild other than the configured one; only its sender sees it. */
    public static final String NOT_AVAILABLE_HERE = "This command is not available here.";

    private static final int PONG = 1;
    private static final int CHANNEL_MESSAGE = 4;
    private static final int DEFERRED_CHANNEL_MESSAGE = 5;
    private static final int EPHEMERAL = 1 << 6;

    private DiscordResponses() {}

    public static String pong() {
        return "{\"type\":" + PONG + "}";
    }

    /** "The bot is thinking": the reply follows by editing the original response. */
    public static String deferred() {
        return "{\"type\":" + DEFERRED_CHANNEL_MESSAGE + "}";
    }

    /** An immediate message only the invoking user sees. */
    public static String ephemeral(String content) {
        ObjectNode root = Json.object().put("type", CHANNEL_MESSAGE);
        root.putObject("data").put("content", content).put("flags", EPHEMERAL);
        return Json.write(root);
    }
}
