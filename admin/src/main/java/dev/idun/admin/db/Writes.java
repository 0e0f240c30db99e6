package dev.idun.admin.db;

import java.sql.SQLException;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.Update;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Runs a write statement, turning primary-key and unique violations from either driver into one exception. */
final class Writes {

    private static final String POSTGRES_UNIQUE_VIOLATION = "23505";

    private Writes() {}

    static int execute(Update update, String table) {
        try {
            return update.execute();
        } catch (StatementException e) {
            if (isDuplicateKey(e)) {
                String detail =
                        e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
                throw new DuplicateKeyException("Duplicate key in " + table + ": " + detail, e);
            }
            throw e;
        }
    }

    static boolean isDuplicateKey(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLiteException sqlite) {
                SQLiteErrorCode code = sqlite.getResultCode();
                return code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                        || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY;
            }
            if (cause instanceof SQLException sql && POSTGRES_UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
