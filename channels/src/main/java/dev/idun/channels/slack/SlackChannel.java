package dev.idun.channels.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.channels.ChannelProvider;
import dev.idun.channels.CredentialCheck;
import dev.idun.channels.Inbound;
import dev.idun.channels.ReplyTarget;
import dev.idun.channels.WebhookAnswer;
import dev.idun.channels.WebhookRequest;
import dev.idun.channels.http.JsonHttp;
import dev.idun.channels.http.ProviderHttpException;
import dev.idun.config.Json;
import dev.idun.config.integration.IntegrationProvider;
import dev.idun.config.integration.SlackConfig;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Slack over the Events API. Every request, {@code url_verification} and retries ({@code X-Slack-Retry-Num})
 * included, is checked against the v0 signature first; a retry is processed like any request and the dedupe table
 * decides whether it was seen. Replies go through {@code chat.postMessage} with the bot token, in the message's
 * thread when it had one, in parts of at most 4000 characters. Thread-safe.
 */
public final class SlackChannel implements ChannelProvider<SlackConfig> {
    public static final String DEFAULT_BASE_URL = "https://slack.com/api";
    /** Slack truncates longer {@code text}; its guidance is 4000 characters per message. */
    public static final int MAX_TEXT_LENGTH = 4000;

    private final String baseUrl;
    private final JsonHttp http;
    private final SlackSignatureVerifier verifier;

    public SlackChannel(String baseUrl, JsonHttp http, Clock clock) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl").replaceAll("/+$", "");
        this.http = Objects.requireNonNull(http, "http");
        this.verifier = new SlackSignatureVerifier(clock);
    }

    @Override
    public IntegrationProvider provider() {
        return IntegrationProvider.SLACK;
    }

    @Override
    public Class<SlackConfig> configType() {
        return SlackConfig.class;
    }

    @Override
    public String pathSegment() {
        return "slack";
    }

    @Override
    public Inbound receive(WebhookRequest request, SlackConfig config) {
        String problem = verifier.problem(
                config.signingSecret(),
                request.header("X-Slack-Request-Timestamp"),
                request.header("X-Slack-Signature"),
                request.body());
        if (problem != null) {
            return Inbound.rejected(401, problem);
        }
        JsonNode payload;
        try {
            payload = Json.parse(request.bodyText());
        } catch (RuntimeException e) {
            return Inbound.rejected(400, "Malformed Slack payload");
        }
        if ("url_verification".equals(payload.path("type").asText())) {
            return Inbound.accepted(
                    WebhookAnswer.text(200, payload.path("challenge").asText("")), List.of());
        }
        return Inbound.accepted(WebhookAnswer.text(200, ""), SlackEvents.messages(payload));
    }

    @Override
    public String deliver(SlackConfig config, ReplyTarget target, int index, String text) throws ProviderHttpException {
        SlackTarget to = (SlackTarget) target;
        ObjectNode body = Json.object().put("channel", to.channel()).put("text", text);
        if (to.threadTs() != null) {
            body.put("thread_ts", to.threadTs());
        }
        JsonNode answer = call("chat.postMessage", config, Json.write(body));
        String ts = answer.path("ts").asText("");
        return ts.isEmpty() ? null : ts;
    }

    @Override
    public int partLimit() {
        return MAX_TEXT_LENGTH;
    }

    @Override
    public CredentialCheck check(SlackConfig config) {
        try {
            JsonNode answer = call("auth.test", config, "{}");
            return CredentialCheck.passed("Workspace " + answer.path("team").asText("?") + " as "
                    + answer.path("user").asText("?") + " ("
                    + answer.path("url").asText("") + ")");
        } catch (ProviderHttpException e) {
            return CredentialCheck.failed(e.getMessage());
        }
    }

    /** A Web API call: Slack answers 200 with {@code ok:false} for refused calls, which are not worth a retry. */
    private JsonNode call(String method, SlackConfig config, String body) throws ProviderHttpException {
        String text = http.send("POST", URI.create(baseUrl + "/" + method), "Bearer " + config.botToken(), body);
        JsonNode answer;
        try {
            answer = Json.parse(text);
        } catch (RuntimeException e) {
            throw new ProviderHttpException("Slack " + method + " answered malformed JSON", 200, null);
        }
        if (!answer.path("ok").asBoolean(false)) {
            throw new ProviderHttpException(
                    "Slack " + method + " refused: " + answer.path("error").asText("unknown error"), 200, null);
        }
        return answer;
    }
}
