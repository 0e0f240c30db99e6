package dev.idun.config;

import java.util.List;

/** Thrown when a configuration document or section does not validate; carries every field error found. */
public final class ConfigValidationException extends RuntimeException {
    private final List<FieldError> errors;

    public ConfigValidationException(String message, List<FieldError> errors) {
        super(message + describe(errors));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        StringBuilder text = new StringBuilder();
        for (FieldError error : errors) {
            text.append("\n  ").append(error.field()).append(": ").append(error.message());
        }
        return text.toString();
    }
}
