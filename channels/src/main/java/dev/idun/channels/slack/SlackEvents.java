package dev.idun.channels.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.channels.InboundMessage;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a Slack Events API {@code event_callback}: only a user's {@code message} (no bot, no subtype such as edits or
 * joins) or an {@code app_mention} reaches the agent, with the leading mention of the bot removed. The dedupe key is
 * the message itself (channel and {@code ts}): it covers Slack's retries of an event and the {@code message} plus
 * {@code app_mention} pair one mention produces. The conversation is the Slack user.
 */
final class SlackEvents {
    private static final Pattern LEADING_MENTIONS = Pattern.compile("^(\\s*<@[A-Z0-9]+(\\|[^>]*)?>)+\\s*");

    private SlackEvents() {}

    static List<InboundMessage> messages(JsonNode payload) {
        if (!"event_callback".equals(payload.path("type").asText())) {
            return List.of();
        }
        JsonNode event = payload.path("event");
        String type = event.path("type").asText("");
        if (!type.equals("message") && !type.equals("app_mention")) {
            return List.of();
        }
        if (event.hasNonNull("bot_id") || event.hasNonNull("subtype") || event.hasNonNull("app_id")) {
            return List.of();
        }
        String user = event.path("user").asText("");
        String channel = event.path("channel").asText("");
        String ts = event.path("ts").asText("");
        String text = LEADING_MENTIONS.matcher(event.path("text").asText("")).replaceFirst("");
        if (user.isEmpty() || channel.isEmpty() || ts.isEmpty() || text.isBlank()) {
            return List.of();
        }
        String threadTs = event.hasNonNull("thread_ts") ? event.get("thread_ts").asText() : null;
        return List.of(InboundMessage.forAgent(channel + ":" + ts, user, text, new SlackTarget(channel, threadTs)));
    }
}
