package dev.idun.server;

import java.util.List;
import java.util.Map;

/**
 * Settings of the messaging channels: the providers' API base URLs (overridable for proxies and tests), whether
 * message bodies go to the delivery log, how many agent runs channels start at once, and the first retry delay of
 * outbound calls (doubled at each retry), and the endpoints of the Discord, Google Chat and Teams channels.
 */
public record ChannelSettings(
        String whatsAppApiBaseUrl,
        String slackApiBaseUrl,
        String telegramApiBaseUrl,
        boolean logMessageBodies,
        int workers,
        int retryBaseMillis,
        ChatPlatformEndpoints chatPlatforms) {
    public static final String DEFAULT_WHATSAPP_API_BASE_URL = "https://graph.facebook.com";
    public static final String DEFAULT_SLACK_API_BASE_URL = "https://slack.com/api";
    public static final String DEFAULT_TELEGRAM_API_BASE_URL = "https://api.telegram.org";

    static ChannelSettings fromEnv(Map<String, String> vars, List<String> problems) {
        return new ChannelSettings(
                Settings.text(vars, "IDUN_WHATSAPP_API_BASE_URL", DEFAULT_WHATSAPP_API_BASE_URL),
                Settings.text(vars, "IDUN_SLACK_API_BASE_URL", DEFAULT_SLACK_API_BASE_URL),
                Settings.text(vars, "IDUN_TELEGRAM_API_BASE_URL", DEFAULT_TELEGRAM_API_BASE_URL),
                Settings.boolValue(vars, "IDUN_LOG_MESSAGE_BODIES", false, problems),
                Settings.intValue(vars, "IDUN_CHANNEL_WORKERS", 8, 1, 256, problems),
                Settings.intValue(vars, "IDUN_CHANNEL_RETRY_BASE_MILLIS", 1000, 1, 60_000, problems),
                ChatPlatformEndpoints.fromEnv(vars));
    }
}
