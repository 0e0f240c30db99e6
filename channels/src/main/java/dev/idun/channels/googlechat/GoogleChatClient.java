package dev.idun.channels.googlechat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.channels.http.JsonHttp;
import dev.idun.channels.http.ProviderHttpException;
import dev.idun.config.Json;
import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Chat API call of the channel: {@code POST {base}/{space}/messages}, in the message's thread, with a service
 * account bearer token. Thread-safe.
 */
public final class GoogleChatClient {
    public static final String DEFAULT_BASE_URL = "https://chat.googleapis.com/v1";
    /** Google Chat's limit on a message's text, in characters. */
    public static final int MAX_MESSAGE_LENGTH = 4096;

    private static final Pattern SPACE_NAME = Pattern.compile("spaces/[A-Za-z0-9_\\-]+");
    private static final String REPLY_IN_THREAD = "?messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD";

    private final String baseUrl;
    private final JsonHttp http;

    public GoogleChatClient(String baseUrl, JsonHttp http) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl").replaceAll("/+$", "");
        this.http = Objects.requireNonNull(http, "http");
    }

    /** Posts {@code text} to {@code space}, in {@code threadName} when not null; returns the API's answer. */
    public String createMessage(String space, String threadName, String text, String accessToken)
            throws ProviderHttpException {
        if (space == null || !SPACE_NAME.matcher(space).matches()) {
            throw new IllegalArgumentException("not a Google Chat space name");
        }
        ObjectNode body = Json.object().put("text", text);
        String query = "";
        if (threadName != null && !threadName.isBlank()) {
            body.putObject("thread").put("name", threadName);
            query = REPLY_IN_THREAD;
        }
        return http.send(
                "POST",
                URI.create(baseUrl + "/" + space + "/messages" + query),
                "Bearer " + accessToken,
                Json.write(body));
    }
}
