package dev.idun.admin.traces;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Json;
import java.util.List;

/** Run figures over a window of whole days (UTC): counts, latency percentiles, token sums and one entry per day. */
record MetricsSummary(
        long runs, long errors, long p50Millis, long p95Millis, long inputTokens, long outputTokens, List<Day> byDay) {
    record Day(String day, long runs, long errors) {}

    ObjectNode toJson() {
        ObjectNode node = Json.object().put("runs", runs).put("errors", errors);
        node.putObject("latencyMs").put("p50", p50Millis).put("p95", p95Millis);
        node.putObject("tokens").put("input", inputTokens).put("output", outputTokens);
        ArrayNode days = node.putArray("byDay");
        byDay.forEach(
                d -> days.addObject().put("day", d.day()).put("runs", d.runs()).put("errors", d.errors()));
        return node;
    }
}
