package dev.idun.server.channels;

import dev.idun.channels.discord.DiscordChannel;
import dev.idun.channels.discord.DiscordClient;
import dev.idun.channels.googlechat.GoogleChatChannel;
import dev.idun.channels.googlechat.GoogleChatClient;
import dev.idun.channels.googlechat.GoogleChatTokenVerifier;
import dev.idun.channels.http.JsonHttp;
import dev.idun.channels.jwt.RemoteKeySet;
import dev.idun.channels.teams.TeamsChannel;
import dev.idun.channels.teams.TeamsClient;
import dev.idun.channels.teams.TeamsTokenVerifier;
import dev.idun.server.ChatPlatformEndpoints;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;

/** Builds the Discord, Google Chat and Teams channels on the endpoints of the settings. */
final class ChatPlatformChannels {
    private ChatPlatformChannels() {}

    static DiscordChannel discord(ChatPlatformEndpoints endpoints, HttpClient client, JsonHttp http) {
        return new DiscordChannel(new DiscordClient(endpoints.discordApiBaseUrl(), http), Clock.systemUTC());
    }

    static GoogleChatChannel googleChat(ChatPlatformEndpoints endpoints, HttpClient client, JsonHttp http) {
        Clock clock = Clock.systemUTC();
        GoogleChatTokenVerifier verifier = new GoogleChatTokenVerifier(
                RemoteKeySet.fromJwksUrl(URI.create(endpoints.googleChatJwksUrl()), client, clock),
                RemoteKeySet.fromJwksUrl(URI.create(endpoints.googleIdTokenJwksUrl()), client, clock),
                clock);
        return new GoogleChatChannel(
                verifier,
                new GoogleChatClient(endpoints.googleChatApiBaseUrl(), http),
                endpoints.googleOauthTokenUrl(),
                client,
                clock);
    }

    static TeamsChannel teams(ChatPlatformEndpoints endpoints, HttpClient client, JsonHttp http) {
        Clock clock = Clock.systemUTC();
        TeamsTokenVerifier verifier = new TeamsTokenVerifier(
                RemoteKeySet.fromOpenIdMetadata(URI.create(endpoints.teamsOpenIdMetadataUrl()), client, clock), clock);
        return new TeamsChannel(verifier, new TeamsClient(http), endpoints.teamsTokenUrl(), client, clock);
    }
}
