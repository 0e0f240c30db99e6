package dev.idun.server.channels;

import dev.idun.channels.ChannelProvider;
import dev.idun.channels.http.JsonHttp;
import dev.idun.channels.slack.SlackChannel;
import dev.idun.channels.telegram.TelegramChannel;
import dev.idun.channels.whatsapp.WhatsAppChannel;
import dev.idun.server.ChannelSettings;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The messaging providers this server serves, with their API base URLs from the settings. */
public final class ChannelProviders {
    private ChannelProviders() {}

    public static List<ChannelProvider<?>> of(ChannelSettings settings) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        JsonHttp http = new JsonHttp(client);
        return List.of(
                new WhatsAppChannel(settings.whatsAppApiBaseUrl(), http),
                ChatPlatformChannels.discord(settings.chatPlatforms(), client, http),
                ChatPlatformChannels.googleChat(settings.chatPlatforms(), client, http),
                ChatPlatformChannels.teams(settings.chatPlatforms(), client, http),
                new SlackChannel(settings.slackApiBaseUrl(), http, Clock.systemUTC()),
                new TelegramChannel(settings.telegramApiBaseUrl(), client));
    }
}
