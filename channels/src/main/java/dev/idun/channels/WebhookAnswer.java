package dev.idun.channels;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.config.Json;
import java.util.Objects;

/** What the webhook answers the provider at once: a status, a content type and a body. */
public record WebhookAnswer(int status, String contentType, String body) {
    public WebhookAnswer {
        Objects.requireNonNull(contentType, "contentType");
        body = body == null ? "" : body;
    }

    public static WebhookAnswer json(int status, JsonNode body) {
        return new WebhookAnswer(status, "application/json", Json.write(body));
    }

    public static WebhookAnswer text(int status, String body) {
        return new WebhookAnswer(status, "text/plain; charset=utf-8", body);
    }

    /** {@code {"detail": …}} with {@code status}. */
    public static WebhookAnswer detail(int status, String detail) {
        return json(status, Json.object().put("detail", detail));
    }

    /** 200 {@code {"status":"ok"}}. */
    public static WebhookAnswer ok() {
        return json(200, Json.object().put("status", "ok"));
    }
}
