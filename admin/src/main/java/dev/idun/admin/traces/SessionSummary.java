package dev.idun.admin.traces;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Json;
import java.time.Instant;

/** One conversation thread in the trace store, summed over its recorded runs. */
record SessionSummary(
        String id,
        String title,
        long createdAtMillis,
        long lastEventAtMillis,
        long runCount,
        long messageCount,
        long errorCount) {
    ObjectNode toJson() {
        ObjectNode node = Json.object().put("id", id).put("title", title);
        node.put("createdAt", Instant.ofEpochMilli(createdAtMillis).toString());
        node.put("lastEventAt", Instant.ofEpochMilli(lastEventAtMillis).toString());
        return node.put("runCount", runCount).put("messageCount", messageCount).put("errorCount", errorCount);
    }
}
