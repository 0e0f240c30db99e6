package dev.idun.channels.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.channels.ChannelProvider;
import dev.idun.channels.CredentialCheck;
import dev.idun.channels.Inbound;
import dev.idun.channels.InboundMessage;
import dev.idun.channels.ReplyTarget;
import dev.idun.channels.WebhookAnswer;
import dev.idun.channels.WebhookRequest;
import dev.idun.channels.http.ProviderHttpException;
import dev.idun.config.Json;
import dev.idun.config.integration.DiscordConfig;
import dev.idun.config.integration.IntegrationProvider;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Discord's interactions endpoint on the channel machinery. A request must carry a valid Ed25519 signature over
 * {@code X-Signature-Timestamp + body} by the application's public key, with a timestamp at most five minutes off,
 * and name this application; then a PING gets PONG, a command from a guild other than the configured {@code guildId}
 * gets an ephemeral "not available here" (no run), and any other command gets the deferred answer ("thinking...")
 * and is run; its reply replaces the original response and further parts are follow-up messages. Deduped by
 * interaction id. Thread-safe; one instance serves every Discord integration.
 */
public final class DiscordChannel implements ChannelProvider<DiscordConfig> {
    private final DiscordClient client;
    private final Clock clock;

    public DiscordChannel(DiscordClient client, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public IntegrationProvider provider() {
        return IntegrationProvider.DISCORD;
    }

    @Override
    public Class<DiscordConfig> configType() {
        return DiscordConfig.class;
    }

    @Override
    public String pathSegment() {
        return "discord";
    }

    @Override
    public Inbound receive(WebhookRequest request, DiscordConfig config) {
        DiscordSignatureVerifier verifier;
        try {
            verifier = DiscordSignatureVerifier.of(config.publicKey(), clock);
        } catch (IllegalArgumentException e) {
            return Inbound.rejected(401, "Invalid request signature");
        }
        if (!verifier.verify(
                request.header("X-Signature-Timestamp"), request.header("X-Signature-Ed25519"), request.body())) {
            return Inbound.rejected(401, "Invalid request signature");
        }
        DiscordInteraction interaction = DiscordInteraction.parse(request.bodyText());
        if (interaction.applicationId() != null && !interaction.applicationId().equals(config.applicationId())) {
            return Inbound.rejected(401, "Interaction of another application");
        }
        if (interaction.type() == DiscordInteraction.PING) {
            return Inbound.accepted(json(DiscordResponses.pong()), List.of());
        }
        if (interaction.type() != DiscordInteraction.APPLICATION_COMMAND || interaction.token() == null) {
            return Inbound.accepted(json("{}"), List.of());
        }
        String guild = config.guildId();
        if (guild != null && !guild.isBlank() && !guild.equals(interaction.guildId())) {
            return Inbound.accepted(json(DiscordResponses.ephemeral(DiscordResponses.NOT_AVAILABLE_HERE)), List.of());
        }
        return Inbound.accepted(
                json(DiscordResponses.deferred()),
                List.of(InboundMessage.forAgent(
                        interaction.id(),
                        interaction.conversationKey(),
                        interaction.text(),
                        new DiscordTarget(interaction.token()))));
    }

    @Override
    public String deliver(DiscordConfig config, ReplyTarget target, int index, String text)
            throws ProviderHttpException {
        String token = ((DiscordTarget) target).interactionToken();
        String answer = index == 0
                ? client.editOriginal(config.applicationId(), token, config.botToken(), text)
                : client.followUp(config.applicationId(), token, config.botToken(), text);
        return messageId(answer);
    }

    @Override
    public int partLimit() {
        return DiscordClient.MAX_MESSAGE_LENGTH;
    }

    @Override
    public CredentialCheck check(DiscordConfig config) {
        try {
            DiscordSignatureVerifier.of(config.publicKey(), clock);
        } catch (IllegalArgumentException e) {
            return CredentialCheck.failed(e.getMessage());
        }
        try {
            JsonNode application = client.currentApplication(config.botToken());
            String id = application.path("id").asText("");
            if (!id.equals(config.applicationId())) {
                return CredentialCheck.failed(
                        "The bot token belongs to application " + id + ", not " + config.applicationId());
            }
            return CredentialCheck.passed(
                    "Bot token of application '" + application.path("name").asText(id) + "' (" + id + ")");
        } catch (ProviderHttpException e) {
            return CredentialCheck.failed(e.getMessage());
        }
    }

    private static WebhookAnswer json(String body) {
        return new WebhookAnswer(200, "application/json", body);
    }

    private static String messageId(String answer) {
        try {
            String id = Json.parse(answer).path("id").asText("");
            return id.isEmpty() ? null : id;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
