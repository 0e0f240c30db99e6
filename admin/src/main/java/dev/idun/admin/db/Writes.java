package dev.idun.admin.db;

import java.sql.SQLException;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.Update;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Runs a write statement, turning primary-key and unique violations from either driver into one exception whose
 * message names the constraint but not the offending values, which may be secrets such as session ids.
 */
final class Writes {

    private static final String POSTGRES_UNIQUE_VIOLATION = "23505";

    private Writes() {}

    static int execute(Update update, String table) {
        try {
            return update.execute();
        } catch (StatementException e) {
            String constraint = violatedUniqueConstraint(e);
            if (constraint != null) {
                throw new DuplicateKeyException("Duplicate key in " + table + ": " + constraint, e);
            }
            throw e;
        }
    }

    /** Describes the unique or primary-key constraint that {@code error} reports, or returns null for other errors. */
    static String violatedUniqueConstraint(Throwable error) {
        for (Throwable cause = error; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLiteException sqlite) {
                SQLiteErrorCode code = sqlite.getResultCode();
                if (code != SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                        && code != SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY) {
                    return null;
                }
                String message = sqlite.getMessage();
                int start = message.lastIndexOf('(');
                return start >= 0 && message.endsWith(")")
                        ? message.substring(start + 1, message.length() - 1)
                        : code.name();
            }
            if (cause instanceof SQLException sql && POSTGRES_UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                ServerErrorMessage server = sql instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
                String name = server == null ? null : server.getConstraint();
                return name == null ? "unique constraint violated" : "unique constraint " + name + " violated";
            }
        }
        return null;
    }
}
