package dev.idun.admin.db;

/** The SQL databases the admin store runs on; both share one schema and one migration set. */
public enum Dialect {
    SQLITE,
    POSTGRES
}
