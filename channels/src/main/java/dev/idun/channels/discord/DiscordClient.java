package dev.idun.channels.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.channels.http.JsonHttp;
import dev.idun.channels.http.ProviderHttpException;
import dev.idun.config.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Discord's REST API as the channel uses it: the deferred reply is written by editing the interaction's original
 * response, further parts go as follow-up messages, and the bot token is checked with {@code GET /applications/@me}.
 * Replies never ping anyone ({@code allowed_mentions} empty). Thread-safe.
 */
public final class DiscordClient {
    /** Discord's limit on a message's {@code content}, in characters. */
    public static final int MAX_MESSAGE_LENGTH = 2000;

    public static final String DEFAULT_BASE_URL = "https://discord.com/api/v10";

    private final String baseUrl;
    private final JsonHttp http;

    public DiscordClient(String baseUrl, JsonHttp http) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl").replaceAll("/+$", "");
        this.http = Objects.requireNonNull(http, "http");
    }

    /** {@code PATCH {base}/webhooks/{applicationId}/{token}/messages/@original} with {@code content}; the answer. */
    public String editOriginal(String applicationId, String interactionToken, String botToken, String content)
            throws ProviderHttpException {
        return http.send(
                "PATCH",
                webhook(applicationId, interactionToken, "/messages/@original"),
                "Bot " + botToken,
                message(content));
    }

    /** {@code POST {base}/webhooks/{applicationId}/{token}}: a follow-up message after the original; the answer. */
    public String followUp(String applicationId, String interactionToken, String botToken, String content)
            throws ProviderHttpException {
        return http.send(
                "POST", webhook(applicationId, interactionToken, "?wait=true"), "Bot " + botToken, message(content));
    }

    /** {@code GET {base}/applications/@me} with the bot token: the application the token belongs to. */
    public JsonNode currentApplication(String botToken) throws ProviderHttpException {
        String body = http.send("GET", URI.create(baseUrl + "/applications/@me"), "Bot " + botToken, null);
        try {
            return Json.parse(body);
        } catch (RuntimeException e) {
            throw new ProviderHttpException("GET /applications/@me answered malformed JSON", 200, null);
        }
    }

    private URI webhook(String applicationId, String interactionToken, String suffix) {
        return URI.create(baseUrl + "/webhooks/" + encode(applicationId) + "/" + encode(interactionToken) + suffix);
    }

    private static String message(String content) {
        ObjectNode body = Json.object().put("content", content);
        body.putObject("allowed_mentions").putArray("parse");
        return Json.write(body);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
