package dev.idun.admin.resources;

import dev.idun.config.FieldError;
import dev.idun.config.FieldReader;
import java.util.List;

/** PATCH body rules shared by every admin resource: a field sent as explicit {@code null} is an error. */
public final class PatchFields {
    private PatchFields() {}

    /** Records {@code "<field> cannot be null"} for each listed field that is present with a null value. */
    public static void rejectNulls(FieldReader body, List<FieldError> errors, String... fields) {
        for (String field : fields) {
            if (body.has(field) && body.get(field) == null) {
                errors.add(new FieldError(field, field + " cannot be null", "value_error"));
            }
        }
    }
}
