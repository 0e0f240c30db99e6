package dev.idun.channels.teams;

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
import dev.idun.config.integration.IntegrationProvider;
import dev.idun.config.integration.TeamsConfig;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Microsoft Teams (Bot Framework, single tenant) on the channel machinery, at {@code /integrations/teams/messages}.
 * Every activity must carry a Bot Framework token for this bot ({@link TeamsTokenVerifier}), else 401 and nothing
 * runs. A user's message is acknowledged at once and run in the background through the pipeline (no HTTP loop back
 * into the server); the user sees a typing indicator, then the reply to their activity, with the bot's token
 * (client credentials, cached). The conversation key is the first 32 hex digits of SHA-1 of the conversation id;
 * dedupe is by activity id within the conversation. Thread-safe; one instance serves every Teams integration.
 */
public final class TeamsChannel implements ChannelProvider<TeamsConfig> {
    private final TeamsTokenVerifier verifier;
    private final TeamsClient client;
    private final TokenSources<TeamsBotTokens> tokens;

    /** {@code tokenUrlOverride} (null or blank: none) replaces the tenant's login endpoint. */
    public TeamsChannel(
            TeamsTokenVerifier verifier, TeamsClient client, String tokenUrlOverride, HttpClient http, Clock clock) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.client = Objects.requireNonNull(client, "client");
        this.tokens = new TokenSources<>(key -> {
            String[] parts = key.split("\n", 3);
            return new TeamsBotTokens(parts[0], parts[2], parts[1], tokenUrlOverride, http, clock);
        });
    }

    @Override
    public IntegrationProvider provider() {
        return IntegrationProvider.TEAMS;
    }

    @Override
    public Class<TeamsConfig> configType() {
        return TeamsConfig.class;
    }

    @Override
    public String pathSegment() {
        return "teams";
    }

    @Override
    public String webhookName() {
        return "messages";
    }

    @Override
    public Inbound receive(WebhookRequest request, TeamsConfig config) {
        TeamsActivity activity;
        try {
            activity = TeamsActivity.parse(request.bodyText());
        } catch (IllegalArgumentException e) {
            return Inbound.rejected(401, "Unauthorized");
        }
        if (!verifier.verify(request.header("Authorization"), config.appId(), activity)) {
            return Inbound.rejected(401, "Unauthorized");
        }
        if ("invoke".equals(activity.type())) {
            return Inbound.accepted(WebhookAnswer.json(200, Json.object()), List.of());
        }
        WebhookAnswer answer = new WebhookAnswer(201, "application/json", "");
        if (!activity.answerable()) {
            return Inbound.accepted(answer, List.of());
        }
        return Inbound.accepted(
                answer,
                List.of(InboundMessage.forAgent(
                        activity.conversationKey() + ":" + activity.id(),
                        activity.conversationKey(),
                        activity.userText(),
                        new TeamsTarget(activity))));
    }

    @Override
    public void beforeRun(TeamsConfig config, ReplyTarget target) throws ProviderHttpException {
        client.sendTyping(((TeamsTarget) target).activity(), token(config));
    }

    @Override
    public String deliver(TeamsConfig config, ReplyTarget target, int index, String text) throws ProviderHttpException {
        TeamsActivity activity = ((TeamsTarget) target).activity();
        try {
            return activityId(client.reply(activity, text, token(config)));
        } catch (ProviderHttpException e) {
            if (e.status() != 401) {
                throw e;
            }
            source(config).invalidate();
            return activityId(client.reply(activity, text, token(config)));
        }
    }

    @Override
    public int partLimit() {
        return TeamsClient.MAX_MESSAGE_LENGTH;
    }

    @Override
    public CredentialCheck check(TeamsConfig config) {
        try {
            TeamsBotTokens source = source(config);
            source.invalidate();
            source.token();
            return CredentialCheck.passed(
                    "App " + config.appId() + " obtained a Bot Framework token from tenant " + config.appTenantId());
        } catch (TokenRequestException e) {
            return CredentialCheck.failed(e.getMessage());
        }
    }

    private TeamsBotTokens source(TeamsConfig config) {
        return tokens.forCredentials(config.appId() + "\n" + config.appTenantId() + "\n" + config.appPassword());
    }

    private String token(TeamsConfig config) throws ProviderHttpException {
        try {
            return source(config).token();
        } catch (TokenRequestException e) {
            throw new ProviderHttpException("Bot token: " + e.getMessage(), e.status(), null);
        }
    }

    private static String activityId(String answer) {
        try {
            String id = Json.parse(answer).path("id").asText("");
            return id.isEmpty() ? null : id;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
