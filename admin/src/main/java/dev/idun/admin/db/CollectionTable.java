package dev.idun.admin.db;

/** The tables that hold a named, slugged collection of JSON-configured items with an on/off switch. */
public enum CollectionTable {
    MCP_SERVER("idun_mcp_server"),
    INTEGRATION("idun_integration");

    private final String tableName;

    CollectionTable(String tableName) {
        this.tableName = tableName;
    }

    public String tableName() {
        return tableName;
    }
}
