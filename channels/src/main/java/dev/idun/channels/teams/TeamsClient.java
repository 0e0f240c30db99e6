package dev.idun.channels.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.channels.http.JsonHttp;
import dev.idun.channels.http.ProviderHttpException;
import dev.idun.config.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The Bot Connector calls of the channel, at the activity's {@code serviceUrl}: a {@code typing} activity into the
 * conversation, then the answer as a reply to the incoming activity, with the bot's bearer token. Thread-safe.
 */
public final class TeamsClient {
    /** Teams accepts about 28 KB per message; this many characters stays under it whatever the script. */
    public static final int MAX_MESSAGE_LENGTH = 7000;

    private final JsonHttp http;

    public TeamsClient(JsonHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /** {@code POST {serviceUrl}/v3/conversations/{id}/activities} with a typing activity. */
    public void sendTyping(TeamsActivity to, String botToken) throws ProviderHttpException {
        ObjectNode body = addressed(to).put("type", "typing");
        http.send("POST", conversationUrl(to, ""), "Bearer " + botToken, Json.write(body));
    }

    /** {@code POST {serviceUrl}/v3/conversations/{id}/activities/{activityId}}: {@code text} as a reply; the answer. */
    public String reply(TeamsActivity to, String text, String botToken) throws ProviderHttpException {
        ObjectNode body = addressed(to)
                .put("type", "message")
                .put("text", text)
                .put("textFormat", "markdown")
                .put("inputHint", "acceptingInput")
                .put("replyToId", to.id());
        return http.send("POST", conversationUrl(to, "/" + encode(to.id())), "Bearer " + botToken, Json.write(body));
    }

    private static ObjectNode addressed(TeamsActivity to) {
        ObjectNode body = Json.object();
        body.set("from", to.recipient().deepCopy());
        body.set("recipient", to.from().deepCopy());
        body.set("conversation", to.conversation().deepCopy());
        return body;
    }

    private static URI conversationUrl(TeamsActivity to, String suffix) {
        String base = Objects.requireNonNull(to.serviceUrl(), "serviceUrl").replaceAll("/+$", "");
        return URI.create(base + "/v3/conversations/" + encode(to.conversationId()) + "/activities" + suffix);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
