package dev.idun.admin.db;

/** The tables that hold at most one JSON configuration document; only memory also records the agent framework. */
public enum SingletonTable {
    MEMORY("idun_memory", "memory_config", true),
    OBSERVABILITY("idun_observability", "observability_config", false),
    SSO("idun_sso", "sso_config", false);

    private final String tableName;
    private final String configColumn;
    private final boolean hasAgentFramework;

    SingletonTable(String tableName, String configColumn, boolean hasAgentFramework) {
        this.tableName = tableName;
        this.configColumn = configColumn;
        this.hasAgentFramework = hasAgentFramework;
    }

    public String tableName() {
        return tableName;
    }

    String configColumn() {
        return configColumn;
    }

    public boolean hasAgentFramework() {
        return hasAgentFramework;
    }
}
