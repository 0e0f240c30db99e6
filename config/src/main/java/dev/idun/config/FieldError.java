package dev.idun.config;

import java.util.Objects;

/** One validation problem: the dotted path of the field, a human message and a machine code. */
public record FieldError(String field, String message, String code) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    public static FieldError missing(String field) {
        return new FieldError(field, "Field required", "missing");
    }

    public static FieldError invalid(String field, String message) {
        return new FieldError(field, message, "value_error");
    }
}
