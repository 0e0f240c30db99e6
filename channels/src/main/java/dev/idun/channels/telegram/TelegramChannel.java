package dev.idun.channels.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.channels.ChannelProvider;
import dev.idun.channels.CredentialCheck;
import dev.idun.channels.Inbound;
import dev.idun.channels.ReplyTarget;
import dev.idun.channels.WebhookAnswer;
import dev.idun.channels.WebhookRequest;
import dev.idun.channels.http.ProviderHttpException;
import dev.idun.channels.http.Secrets;
import dev.idun.config.Json;
import dev.idun.config.integration.IntegrationProvider;
import dev.idun.config.integration.TelegramConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * Telegram over the Bot API. Inbound: updates posted to the webhook, checked against {@code
 * X-Telegram-Bot-Api-Secret-Token} when the integration has a {@code secretToken}. Outbound: {@code sendMessage} to
 * the chat, parts of at most 4096 characters; a 429 waits {@code parameters.retry_after}. The bot token is part of
 * every API URL, so no URL ever goes into an error message. Thread-safe.
 */
public final class TelegramChannel implements ChannelProvider<TelegramConfig> {
    public static final String DEFAULT_BASE_URL = "https://api.telegram.org";
    /** Telegram's limit on a message's text, in characters. */
    public static final int MAX_TEXT_LENGTH = 4096;

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final HttpClient http;

    public TelegramChannel(String baseUrl, HttpClient http) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl").replaceAll("/+$", "");
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public IntegrationProvider provider() {
        return IntegrationProvider.TELEGRAM;
    }

    @Override
    public Class<TelegramConfig> configType() {
        return TelegramConfig.class;
    }

    @Override
    public String pathSegment() {
        return "telegram";
    }

    @Override
    public Inbound receive(WebhookRequest request, TelegramConfig config) {
        String secret = config.secretToken();
        if (secret != null
                && !secret.isEmpty()
                && !Secrets.constantTimeEquals(secret, request.header("X-Telegram-Bot-Api-Secret-Token"))) {
            return Inbound.rejected(401, "Invalid secret token");
        }
        JsonNode update;
        try {
            update = Json.parse(request.bodyText());
        } catch (RuntimeException e) {
            return Inbound.rejected(400, "Malformed Telegram update");
        }
        return Inbound.accepted(WebhookAnswer.ok(), TelegramUpdates.messages(update));
    }

    @Override
    public String deliver(TelegramConfig config, ReplyTarget target, int index, String text)
            throws ProviderHttpException {
        TelegramTarget to = (TelegramTarget) target;
        String body = Json.write(Json.object().put("chat_id", to.chatId()).put("text", text));
        JsonNode result = call("sendMessage", config, body);
        return result.hasNonNull("message_id") ? result.get("message_id").asText() : null;
    }

    @Override
    public int partLimit() {
        return MAX_TEXT_LENGTH;
    }

    @Override
    public CredentialCheck check(TelegramConfig config) {
        try {
            JsonNode me = call("getMe", config, null);
            return CredentialCheck.passed("Bot @" + me.path("username").asText("?") + " ("
                    + me.path("first_name").asText("") + ")");
        } catch (ProviderHttpException e) {
            return CredentialCheck.failed(e.getMessage());
        }
    }

    /** One Bot API method; returns its {@code result}. */
    private JsonNode call(String method, TelegramConfig config, String jsonBody) throws ProviderHttpException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(baseUrl + "/bot" + config.botToken() + "/" + method))
                .timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (jsonBody == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderHttpException(
                    "Telegram " + method + " failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderHttpException("Telegram " + method + " interrupted", e);
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() / 100 == 2 && answer.path("ok").asBoolean(false)) {
            return answer.path("result");
        }
        String description = answer.path("description").asText("");
        JsonNode retryAfter = answer.path("parameters").path("retry_after");
        throw new ProviderHttpException(
                "Telegram " + method + " answered " + response.statusCode()
                        + (description.isEmpty() ? "" : ": " + description),
                response.statusCode(),
                retryAfter.canConvertToLong()
                        ? Duration.ofSeconds(retryAfter.asLong())
                        : response.headers()
                                .firstValue("Retry-After")
                                .flatMap(TelegramChannel::seconds)
                                .orElse(null));
    }

    private static JsonNode parse(String body) {
        try {
            return Json.parse(body == null || body.isBlank() ? "{}" : body);
        } catch (RuntimeException e) {
            return Json.object();
        }
    }

    private static java.util.Optional<Duration> seconds(String text) {
        try {
            return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(text.trim())));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
