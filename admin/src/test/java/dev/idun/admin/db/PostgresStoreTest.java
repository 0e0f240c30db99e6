package dev.idun.admin.db;

import java.nio.file.Path;

class PostgresStoreTest extends StoreSuite {

    @Override
    DatabaseUrl freshDatabase(Path dir) {
        return TestDatabases.freshPostgres();
    }

    @Override
    Dialect expectedDialect() {
        return Dialect.POSTGRES;
    }

    @Override
    int expectedPoolSize() {
        return 10;
    }
}
