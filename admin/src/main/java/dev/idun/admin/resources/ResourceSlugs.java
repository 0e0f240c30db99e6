package dev.idun.admin.resources;

import dev.idun.admin.configstore.Slugs;
import dev.idun.admin.http.AdminApiException;
import dev.idun.config.FieldError;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Slugs of admin collection rows, with the admin API's errors: 422 for an unusable name, 409 when exhausted. */
public final class ResourceSlugs {
    private ResourceSlugs() {}

    /** The slug of {@code name}; 422 naming the {@code name} field when nothing usable is left. */
    public static String derive(String name) {
        return Slugs.normalize(name)
                .orElseThrow(() -> AdminApiException.validation(
                        "Cannot derive a slug from the provided name.",
                        List.of(new FieldError("name", "Cannot derive a slug from name '" + name + "'", "invalid"))));
    }

    /**
     * The first free slug for {@code base} among those {@code takenWithPrefix} returns for a prefix; 409 when
     * {@code base} and all its numbered forms are taken.
     */
    public static String unique(String base, Function<String, Set<String>> takenWithPrefix) {
        String prefix = base.substring(0, Math.min(base.length(), Slugs.MAX_LENGTH - 3));
        return Slugs.unique(base, takenWithPrefix.apply(prefix))
                .orElseThrow(() -> AdminApiException.conflict(
                        "Could not find a unique slug for '" + base + "' after " + Slugs.MAX_SUFFIX + " attempts"));
    }
}
