package dev.idun.server.cli;

import dev.idun.admin.configstore.AssemblyException;
import dev.idun.admin.http.AdminApiException;
import dev.idun.config.ConfigValidationException;
import dev.idun.config.FieldError;
import java.util.List;

/** Turns failures into the one-paragraph messages the command line prints (never a stack trace). */
final class CliErrors {
    private CliErrors() {}

    static String describe(Throwable e) {
        if (e instanceof ConfigValidationException invalid) {
            return invalid.getMessage();
        }
        if (e instanceof AdminApiException api) {
            return api.getMessage() + fields(api.fieldErrors()) + reason(api);
        }
        if (e instanceof AssemblyException assembly) {
            return assembly.getMessage() + fields(assembly.errors());
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e.getCause() != null
                        && e.getCause().getMessage() != null
                        && !message.contains(e.getCause().getMessage())
                ? message + ": " + e.getCause().getMessage()
                : message;
    }

    private static String fields(List<FieldError> errors) {
        StringBuilder text = new StringBuilder();
        if (errors != null) {
            errors.forEach(error ->
                    text.append("\n  ").append(error.field()).append(": ").append(error.message()));
        }
        return text.toString();
    }

    private static String reason(AdminApiException api) {
        return api.details() != null && api.details().hasNonNull("reason")
                ? "\n  " + api.details().get("reason").asText()
                : "";
    }
}
