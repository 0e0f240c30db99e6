package dev.idun.admin.db;

import java.nio.file.Path;

class SqliteStoreTest extends StoreSuite {

    @Override
    DatabaseUrl freshDatabase(Path dir) {
        return TestDatabases.freshSqlite(dir);
    }

    @Override
    Dialect expectedDialect() {
        return Dialect.SQLITE;
    }

    @Override
    int expectedPoolSize() {
        return 4;
    }
}
