package dev.idun.admin.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.FieldError;
import java.util.List;

/**
 * An admin request that ends in an error envelope: HTTP status, code, message, and optional details and field
 * errors. Thrown by handlers and the reload pipeline, turned into JSON once by {@link AdminErrorMapper}.
 */
public class AdminApiException extends RuntimeException {
    private final int status;
    private final ErrorCode code;
    private final transient ObjectNode details;
    private final List<FieldError> fieldErrors;

    public AdminApiException(
            int status, ErrorCode code, String message, ObjectNode details, List<FieldError> fieldErrors) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details;
        this.fieldErrors = fieldErrors == null ? null : List.copyOf(fieldErrors);
    }

    public static AdminApiException notFound(String message) {
        return new AdminApiException(404, ErrorCode.NOT_FOUND, message, null, null);
    }

    public static AdminApiException validation(String message, List<FieldError> fieldErrors) {
        return new AdminApiException(422, ErrorCode.VALIDATION_FAILED, message, null, fieldErrors);
    }

    public static AdminApiException invalidBody(List<FieldError> fieldErrors) {
        return validation("Request body failed validation.", fieldErrors);
    }

    public static AdminApiException conflict(String message) {
        return new AdminApiException(409, ErrorCode.CONFLICT, message, null, null);
    }

    public int status() {
        return status;
    }

    public ErrorCode code() {
        return code;
    }

    public ObjectNode details() {
        return details;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
