package dev.idun.admin.configstore;

import dev.idun.config.FieldError;
import java.util.List;

/** The stored rows do not make a valid config (a corrupt row, or sections that do not fit together). */
public final class AssemblyException extends RuntimeException {
    private final List<FieldError> errors;

    public AssemblyException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
