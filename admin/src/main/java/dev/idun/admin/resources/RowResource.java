package dev.idun.admin.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.idun.admin.http.AdminApiException;
import dev.idun.admin.http.HttpJson;
import dev.idun.admin.reload.ReloadPipeline;
import dev.idun.config.Json;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * The handlers every admin collection shares: list its rows in store order, get one by id (422 for a malformed id,
 * 404 for an unknown one), and delete one through the reload pipeline. Thread-safe.
 */
public final class RowResource<R> {
    private final ReloadPipeline pipeline;
    private final Function<Handle, List<R>> list;
    private final BiFunction<Handle, String, Optional<R>> find;
    private final BiPredicate<Handle, String> delete;
    private final Function<R, ? extends JsonNode> toJson;
    private final String noun;
    private final String pathParam;

    /** {@code noun} names a row in 404 messages ("No {noun} with id …"); {@code pathParam} names the id in 422s. */
    public RowResource(
            ReloadPipeline pipeline,
            Function<Handle, List<R>> list,
            BiFunction<Handle, String, Optional<R>> find,
            BiPredicate<Handle, String> delete,
            Function<R, ? extends JsonNode> toJson,
            String noun,
            String pathParam) {
        this.pipeline = pipeline;
        this.list = list;
        this.find = find;
        this.delete = delete;
        this.toJson = toJson;
        this.noun = noun;
        this.pathParam = pathParam;
    }

    public void list(Context ctx) {
        ArrayNode items = Json.mapper().createArrayNode();
        pipeline.read(list).forEach(row -> items.add(toJson.apply(row)));
        HttpJson.send(ctx, 200, items);
    }

    public void get(Context ctx) {
        String id = id(ctx);
        HttpJson.send(ctx, 200, toJson.apply(pipeline.read(h -> find(h, id))));
    }

    public void delete(Context ctx) {
        String id = id(ctx);
        pipeline.read(h -> find(h, id));
        ReloadPipeline.Mutation<String> result = pipeline.mutate((h, now) -> {
            if (!delete.test(h, id)) {
                throw notFound(id);
            }
            return id;
        });
        HttpJson.sendMutation(ctx, 200, Json.object().put("id", result.data()).put("deleted", true), result.reload());
    }

    /** The path's {@code {id}}, which must be a UUID. */
    public String id(Context ctx) {
        return HttpJson.uuidParam(ctx, "id", pathParam);
    }

    public R find(Handle h, String id) {
        return find.apply(h, id).orElseThrow(() -> notFound(id));
    }

    public AdminApiException notFound(String id) {
        return AdminApiException.notFound("No " + noun + " with id " + id + ".");
    }
}
