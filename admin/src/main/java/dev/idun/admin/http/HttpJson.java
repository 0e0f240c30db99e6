package dev.idun.admin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.admin.reload.ReloadResult;
import dev.idun.config.ConfigValidationException;
import dev.idun.config.FieldError;
import dev.idun.config.Json;
import io.javalin.http.Context;
import java.util.List;
import java.util.UUID;

/** Reading JSON request bodies and writing JSON responses. */
public final class HttpJson {
    private HttpJson() {}

    public static void send(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }

    /** The mutation envelope {@code {data, reload}}. */
    public static void sendMutation(Context ctx, int status, JsonNode data, ReloadResult reload) {
        ObjectNode envelope = Json.object();
        envelope.set("data", data);
        envelope.set("reload", reload.toJson());
        send(ctx, status, envelope);
    }

    /** The request body as a JSON object; anything else is a 422 with a field error on {@code body}. */
    public static ObjectNode objectBody(Context ctx) {
        JsonNode node;
        try {
            node = Json.parse(ctx.body());
        } catch (ConfigValidationException e) {
            throw AdminApiException.invalidBody(e.errors());
        }
        if (!node.isObject()) {
            throw AdminApiException.invalidBody(
                    List.of(new FieldError("body", "Input should be a JSON object", "model_attributes_type")));
        }
        return (ObjectNode) node;
    }

    /** A path parameter that must be a UUID; otherwise 422 naming {@code path.<param>}. */
    public static String uuidParam(Context ctx, String name, String wireName) {
        String value = ctx.pathParam(name);
        try {
            UUID parsed = UUID.fromString(value);
            if (parsed.toString().equalsIgnoreCase(value)) {
                return parsed.toString();
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw AdminApiException.validation(
                "Request path failed validation.",
                List.of(new FieldError("path." + wireName, "Input should be a valid UUID", "uuid_parsing")));
    }
}
