package dev.idun.admin.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Json;
import java.util.Objects;

/**
 * The outcome of a connection probe: {@code ok} with details, or not ok with a one-line reason. Never carries a
 * stack trace or a secret.
 */
public record ConnectionCheck(boolean ok, ObjectNode details, String error) {
    public ConnectionCheck {
        details = details == null ? null : details.deepCopy();
        if (ok) {
            Objects.requireNonNull(details, "details");
        } else {
            Objects.requireNonNull(error, "error");
        }
    }

    public static ConnectionCheck success(ObjectNode details) {
        return new ConnectionCheck(true, details, null);
    }

    /** A failure; line breaks in {@code reason} become spaces and the ends are trimmed. */
    public static ConnectionCheck failure(String reason) {
        return new ConnectionCheck(
                false, null, reason.replace('\r', ' ').replace('\n', ' ').trim());
    }

    @Override
    public ObjectNode details() {
        return details == null ? null : details.deepCopy();
    }

    /** The wire shape {@code {"ok", "details", "error"}}, nulls included. */
    public ObjectNode toJson() {
        ObjectNode node = Json.object().put("ok", ok);
        if (details == null) {
            node.putNull("details");
        } else {
            node.set("details", details.deepCopy());
        }
        if (error == null) {
            node.putNull("error");
        } else {
            node.put("error", error);
        }
        return node;
    }
}
