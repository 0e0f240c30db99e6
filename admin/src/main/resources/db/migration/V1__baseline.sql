-- Portable across SQLite and PostgreSQL: JSON documents are TEXT, timestamps are BIGINT epoch milliseconds
-- written by the application, and there are no foreign keys.

CREATE TABLE idun_agent (
    id VARCHAR(36) PRIMARY KEY,
    slug VARCHAR(64),
    name VARCHAR(255) NOT NULL,
    description TEXT,
    version VARCHAR(50),
    status VARCHAR(20) NOT NULL,
    base_url VARCHAR(255),
    base_engine_config TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE idun_memory (
    id VARCHAR(32) PRIMARY KEY,
    agent_framework VARCHAR(50) NOT NULL,
    memory_config TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE idun_observability (
    id VARCHAR(32) PRIMARY KEY,
    observability_config TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE idun_sso (
    id VARCHAR(32) PRIMARY KEY,
    sso_config TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE idun_mcp_server (
    id VARCHAR(36) PRIMARY KEY,
    slug VARCHAR(64) NOT NULL UNIQUE,
    name VARCHAR(255) NOT NULL,
    enabled BOOLEAN NOT NULL,
    config TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE idun_integration (
    id VARCHAR(36) PRIMARY KEY,
    slug VARCHAR(64) NOT NULL UNIQUE,
    name VARCHAR(255) NOT NULL,
    enabled BOOLEAN NOT NULL,
    config TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE idun_guardrail (
    id VARCHAR(36) PRIMARY KEY,
    slug VARCHAR(64) NOT NULL UNIQUE,
    name VARCHAR(255) NOT NULL,
    enabled BOOLEAN NOT NULL,
    position VARCHAR(10) NOT NULL,
    sort_order INTEGER NOT NULL,
    config TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE idun_prompt (
    id VARCHAR(36) PRIMARY KEY,
    prompt_id VARCHAR(255) NOT NULL,
    version INTEGER NOT NULL,
    content TEXT NOT NULL,
    tags TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CONSTRAINT uq_idun_prompt_id_version UNIQUE (prompt_id, version)
);

CREATE TABLE idun_runtime_state (
    id VARCHAR(32) PRIMARY KEY,
    last_status VARCHAR(20),
    last_message VARCHAR(255),
    last_error TEXT,
    last_reloaded_at BIGINT,
    last_applied_config_hash VARCHAR(64),
    updated_at BIGINT NOT NULL
);

CREATE TABLE idun_config_version (
    id VARCHAR(32) PRIMARY KEY,
    version BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

INSERT INTO idun_config_version (id, version, updated_at) VALUES ('singleton', 0, 0);

CREATE TABLE idun_admin_user (
    id VARCHAR(32) PRIMARY KEY,
    password_hash VARCHAR(255) NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    password_rotated_at BIGINT
);

CREATE TABLE idun_session (
    id VARCHAR(64) PRIMARY KEY,
    user_id VARCHAR(32) NOT NULL,
    expires_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
