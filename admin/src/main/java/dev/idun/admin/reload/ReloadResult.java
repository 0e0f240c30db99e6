package dev.idun.admin.reload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Json;

/** What a mutation did to the running agent, as reported in the {@code reload} part of the mutation envelope. */
public record ReloadResult(String status, String message, String error) {
    public static final ReloadResult NO_CHANGES = new ReloadResult("reloaded", "No changes.", null);
    public static final ReloadResult RELOADED = new ReloadResult("reloaded", "Saved and reloaded.", null);
    public static final ReloadResult RESTART_REQUIRED = new ReloadResult(
            "restart_required", "Saved and reloaded; the new server port applies after a restart.", null);
    public static final ReloadResult VALIDATED =
            new ReloadResult("validated", "Dry run: valid and buildable, nothing saved.", null);

    public ObjectNode toJson() {
        ObjectNode node = Json.object().put("status", status).put("message", message);
        if (error == null) {
            node.putNull("error");
        } else {
            node.put("error", error);
        }
        return node;
    }
}
