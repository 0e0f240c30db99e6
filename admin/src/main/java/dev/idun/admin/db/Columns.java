package dev.idun.admin.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Checks and conversions shared by the row records and stores, so both databases see the same values: text lengths are
 * enforced here because SQLite ignores VARCHAR limits, and instants are kept to the millisecond the columns store.
 */
final class Columns {

    private Columns() {}

    static String required(String value, String column, int maxLength) {
        Objects.requireNonNull(value, column);
        return bounded(value, column, maxLength);
    }

    static String requiredKey(String value, String column, int maxLength) {
        required(value, column, maxLength);
        if (value.isBlank()) {
            throw new IllegalArgumentException(column + " must not be blank");
        }
        return value;
    }

    static String optional(String value, String column, int maxLength) {
        return value == null ? null : bounded(value, column, maxLength);
    }

    static String requiredText(String value, String column) {
        return Objects.requireNonNull(value, column);
    }

    static Instant required(Instant value, String column) {
        return Objects.requireNonNull(value, column).truncatedTo(ChronoUnit.MILLIS);
    }

    static Instant optional(Instant value) {
        return value == null ? null : value.truncatedTo(ChronoUnit.MILLIS);
    }

    static Long millis(Instant value) {
        return value == null ? null : value.toEpochMilli();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static String bounded(String value, String column, int maxLength) {
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw new IllegalArgumentException(column + " is longer than " + maxLength + " characters");
        }
        return value;
    }
}
