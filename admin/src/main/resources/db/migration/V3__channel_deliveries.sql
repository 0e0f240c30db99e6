-- Messaging channels. idun_channel_dedupe holds every inbound message id an integration has accepted: the row is
-- inserted before the agent runs, so a provider's retry, a replay, a restart or another instance never answers a
-- message twice. idun_channel_delivery is the delivery log shown by the admin API (one row per inbound message and
-- per outbound reply part); body is only written when message bodies are logged. Times are epoch milliseconds;
-- seq orders rows written within the same millisecond.

CREATE TABLE idun_channel_dedupe (
    integration VARCHAR(64) NOT NULL,
    dedupe_key VARCHAR(255) NOT NULL,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (integration, dedupe_key)
);

CREATE INDEX ix_idun_channel_dedupe_received ON idun_channel_dedupe (received_at);

CREATE TABLE idun_channel_delivery (
    id VARCHAR(36) PRIMARY KEY,
    integration VARCHAR(64) NOT NULL,
    at BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    direction VARCHAR(10) NOT NULL,
    status VARCHAR(10) NOT NULL,
    attempts INTEGER NOT NULL,
    error TEXT,
    thread_id VARCHAR(255),
    provider_message_id VARCHAR(255),
    body TEXT
);

CREATE INDEX ix_idun_channel_delivery_recent ON idun_channel_delivery (integration, at, seq);
