package dev.idun.admin.checks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Json;

/**
 * The answer of a connection check: {@code {"ok", "details", "error"}}, with {@code null} shown for what is absent. A
 * failed probe is a value, never an exception; neither part ever holds a secret.
 */
public record ConnectionCheck(boolean ok, ObjectNode details, String error) {
    public ConnectionCheck {
        details = details == null ? null : details.deepCopy();
        error = error == null
                ? null
                : error.replace('\n', ' ').replace('\r', ' ').trim();
    }

    @Override
    public ObjectNode details() {
        return details == null ? null : details.deepCopy();
    }

    public static ConnectionCheck ok(ObjectNode details) {
        return new ConnectionCheck(true, details, null);
    }

    public static ConnectionCheck fail(String error) {
        return new ConnectionCheck(false, null, error);
    }

    public static ConnectionCheck fail(String error, ObjectNode details) {
        return new ConnectionCheck(false, details, error);
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object().put("ok", ok);
        if (details == null) {
            node.putNull("details");
        } else {
            node.set("details", details());
        }
        if (error == null) {
            node.putNull("error");
        } else {
            node.put("error", error);
        }
        return node;
    }
}
