package dev.idun.admin.http;

import java.util.Locale;

/** The admin API's error codes, as they appear in the error envelope. */
public enum ErrorCode {
    BAD_REQUEST,
    VALIDATION_FAILED,
    NOT_FOUND,
    CONFLICT,
    RELOAD_FAILED,
    AUTH_REQUIRED,
    FORBIDDEN,
    UNSUPPORTED_MODE,
    RATE_LIMITED,
    INTERNAL_ERROR;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
