package dev.idun.admin.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.admin.db.DuplicateKeyException;
import dev.idun.config.FieldError;
import dev.idun.config.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns exceptions into HTTP answers, once, at the edge: the error envelope on admin paths, {@code {"detail": …}}
 * elsewhere. Unexpected exceptions are logged with their stack trace and never shown to the client.
 */
public final class AdminErrorMapper {
    public static final String ADMIN_PREFIX = "/admin/api/";
    private static final Logger LOG = LoggerFactory.getLogger(AdminErrorMapper.class);

    public void register(RoutesConfig routes) {
        routes.exception(AdminApiException.class, (e, ctx) -> send(ctx, e));
        routes.exception(
                DuplicateKeyException.class,
                (e, ctx) -> send(
                        ctx,
                        AdminApiException.conflict(
                                "Another change to the same item was saved at the same time (possibly on another instance);"
                                        + " reload and retry.")));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
            if (ctx.path().startsWith(ADMIN_PREFIX)) {
                send(
                        ctx,
                        new AdminApiException(
                                500,
                                ErrorCode.INTERNAL_ERROR,
                                "An unexpected error occurred. See server logs for details.",
                                null,
                                null));
            } else {
                HttpJson.send(ctx, 500, Json.object().put("detail", "Internal Server Error"));
            }
        });
    }

    public static void send(Context ctx, AdminApiException e) {
        HttpJson.send(ctx, e.status(), envelope(e));
    }

    public static ObjectNode envelope(AdminApiException e) {
        ObjectNode error = Json.object().put("code", e.code().wire()).put("message", e.getMessage());
        if (e.details() != null) {
            error.set("details", e.details());
        }
        if (e.fieldErrors() != null) {
            ArrayNode list = error.putArray("fieldErrors");
            for (FieldError fieldError : e.fieldErrors()) {
                ObjectNode item =
                        list.addObject().put("field", fieldError.field()).put("message", fieldError.message());
                if (fieldError.code() != null) {
                    item.put("code", fieldError.code());
                }
            }
        }
        ObjectNode root = Json.object();
        root.set("error", error);
        return root;
    }
}
