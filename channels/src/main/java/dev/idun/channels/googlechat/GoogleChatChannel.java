package dev.idun.channels.googlechat;

import dev.idun.channels.ChannelProvider;
import dev.idun.channels.CredentialCheck;
import dev.idun.channels.Inbound;
import dev.idun.channels.InboundMessage;
import dev.idun.channels.ReplyTarget;
import dev.idun.channels.WebhookAnswer;
import dev.idun.channels.WebhookRequest;
import dev.idun.channels.http.ProviderHttpException;
import dev.idun.channels.oauth.TokenRequestException;
import dev.idun.channels.oauth.TokenSources;
import dev.idun.config.Json;
import dev.idun.config.integration.GoogleChatConfig;
import dev.idun.config.integration.IntegrationProvider;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Google Chat on the channel machinery. Every event must carry a bearer token Google signed for this integration
 * ({@link GoogleChatTokenVerifier}: project number audience, or the endpoint URL for add-ons); a user's message is
 * answered at once with an empty response and run in the background, and the reply is posted into the message's
 * thread with the service account's token (JWT bearer grant, cached). Deduped by the message's {@code name}. Bot
 * messages and membership events are acknowledged and not run. Thread-safe; one instance serves every Google Chat
 * integration.
 */
public final class GoogleChatChannel implements ChannelProvider<GoogleChatConfig> {
    private final GoogleChatTokenVerifier verifier;
    private final GoogleChatClient client;
    private final TokenSources<GoogleAccessTokens> tokens;

    /** {@code tokenUrlOverride} (null or blank: none) wins over every service account's {@code token_uri}. */
    public GoogleChatChannel(
            GoogleChatTokenVerifier verifier,
            GoogleChatClient client,
            String tokenUrlOverride,
            HttpClient http,
            Clock clock) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.client = Objects.requireNonNull(client, "client");
        this.tokens = new TokenSources<>(
                json -> new GoogleAccessTokens(GoogleServiceAccount.parse(json), tokenUrlOverride, http, clock));
    }

    @Override
    public IntegrationProvider provider() {
        return IntegrationProvider.GOOGLE_CHAT;
    }

    @Override
    public Class<GoogleChatConfig> configType() {
        return GoogleChatConfig.class;
    }

    @Override
    public String pathSegment() {
        return "google-chat";
    }

    @Override
    public Inbound receive(WebhookRequest request, GoogleChatConfig config) {
        String endpoint = request.url();
        if (config.localMode() && endpoint.startsWith("http://")) {
            endpoint = "https://" + endpoint.substring("http://".length());
        }
        if (!verifier.verify(request.header("Authorization"), config.projectNumber(), endpoint)) {
            return Inbound.rejected(401, "Invalid request token");
        }
        GoogleChatEvent event = GoogleChatEvent.parse(request.bodyText());
        WebhookAnswer answer = WebhookAnswer.json(200, Json.object());
        if (!event.answerable()) {
            return Inbound.accepted(answer, List.of());
        }
        return Inbound.accepted(
                answer,
                List.of(InboundMessage.forAgent(
                        event.messageName(),
                        event.conversationKey(),
                        event.text(),
                        new GoogleChatTarget(event.spaceName(), event.threadName()))));
    }

    @Override
    public String deliver(GoogleChatConfig config, ReplyTarget target, int index, String text)
            throws ProviderHttpException {
        GoogleChatTarget to = (GoogleChatTarget) target;
        GoogleAccessTokens source = tokens.forCredentials(config.serviceAccountCredentialsJson());
        try {
            return messageName(client.createMessage(to.space(), to.thread(), text, token(source)));
        } catch (ProviderHttpException e) {
            if (e.status() != 401) {
                throw e;
            }
            source.invalidate();
            return messageName(client.createMessage(to.space(), to.thread(), text, token(source)));
        }
    }

    @Override
    public int partLimit() {
        return GoogleChatClient.MAX_MESSAGE_LENGTH;
    }

    @Override
    public CredentialCheck check(GoogleChatConfig config) {
        GoogleServiceAccount account;
        try {
            account = GoogleServiceAccount.parse(config.serviceAccountCredentialsJson());
        } catch (IllegalArgumentException e) {
            return CredentialCheck.failed(e.getMessage());
        }
        if (!config.projectNumber().trim().matches("[0-9]+")) {
            return CredentialCheck.failed("projectNumber must be the numeric Cloud project number");
        }
        try {
            GoogleAccessTokens source = tokens.forCredentials(config.serviceAccountCredentialsJson());
            source.invalidate();
            source.token();
            return CredentialCheck.passed("Service account " + account.clientEmail() + " obtained a Chat API token");
        } catch (TokenRequestException e) {
            return CredentialCheck.failed(e.getMessage());
        }
    }

    private static String token(GoogleAccessTokens source) throws ProviderHttpException {
        try {
            return source.token();
        } catch (TokenRequestException e) {
            throw new ProviderHttpException("Service account token: " + e.getMessage(), e.status(), null);
        }
    }

    private static String messageName(String answer) {
        try {
            String name = Json.parse(answer).path("name").asText("");
            return name.isEmpty() ? null : name;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
