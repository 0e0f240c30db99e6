package dev.idun.admin.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.admin.db.CollectionRow;
import dev.idun.admin.db.CollectionStore;
import dev.idun.admin.http.AdminApiException;
import dev.idun.admin.http.HttpJson;
import dev.idun.admin.reload.ReloadPipeline;
import dev.idun.config.FieldError;
import dev.idun.config.Json;
import dev.idun.config.integration.IntegrationConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an integration did and whether its credentials work: {@code GET /admin/api/v1/integrations/{id}/deliveries}
 * (the delivery log, newest first) and {@code POST /admin/api/v1/integrations/{id}/test} (a credential check against
 * the provider, of the stored config, enabled or not).
 */
public final class IntegrationActivityRoutes {
    private static final String BASE = "/admin/api/v1/integrations";
    private static final String PATH_ID = "integration_id";
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private final ReloadPipeline pipeline;
    private final CollectionStore rows;
    private final IntegrationChannels channels;

    public IntegrationActivityRoutes(ReloadPipeline pipeline, CollectionStore rows, IntegrationChannels channels) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.rows = Objects.requireNonNull(rows, "rows");
        this.channels = Objects.requireNonNull(channels, "channels");
    }

    public void register(RoutesConfig routes) {
        routes.get(BASE + "/{id}/deliveries", this::deliveries);
        routes.post(BASE + "/{id}/test", this::test);
    }

    private void deliveries(Context ctx) {
        CollectionRow row = row(ctx);
        int limit = limit(ctx.queryParam("limit"));
        ArrayNode items = Json.mapper().createArrayNode();
        for (IntegrationChannels.DeliveryItem item : channels.deliveries(row.slug(), limit)) {
            ObjectNode node = items.addObject()
                    .put("id", item.id())
                    .put("at", item.at().toString())
                    .put("direction", item.direction())
                    .put("status", item.status())
                    .put("attempts", item.attempts())
                    .put("error", item.error())
                    .put("threadId", item.threadId())
                    .put("providerMessageId", item.providerMessageId());
            if (item.body() != null) {
                node.put("body", item.body());
            }
        }
        ObjectNode body = Json.object();
        body.set("items", items);
        HttpJson.send(ctx, 200, body);
    }

    private void test(Context ctx) {
        CollectionRow row = row(ctx);
        List<FieldError> errors = new ArrayList<>();
        JsonNode stored = Json.parse(row.configJson());
        IntegrationConfig integration = IntegrationConfig.read(stored, "integration", errors);
        if (integration == null) {
            throw new IllegalStateException("Stored integration is corrupt: " + errors);
        }
        IntegrationChannels.CheckOutcome outcome = channels.test(integration);
        HttpJson.send(
                ctx,
                200,
                Json.object()
                        .put("ok", outcome.ok())
                        .put("details", outcome.details())
                        .put("error", outcome.error()));
    }

    private CollectionRow row(Context ctx) {
        String id = HttpJson.uuidParam(ctx, "id", PATH_ID);
        return pipeline.read(h -> rows.find(h, id))
                .orElseThrow(() -> AdminApiException.notFound("No integration with id " + id + "."));
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw AdminApiException.validation(
                "Invalid query parameter.",
                List.of(FieldError.invalid("query.limit", "Input should be a whole number from 1 to " + MAX_LIMIT)));
    }
}
