-- Conversation history of the agent's threads when no memory backend is configured: one row per message, in the
-- order of seq within a thread. tool_calls is a JSON array; created_at is epoch milliseconds.

CREATE TABLE idun_message (
    thread_id VARCHAR(255) NOT NULL,
    seq BIGINT NOT NULL,
    message_id VARCHAR(255) NOT NULL,
    role VARCHAR(20) NOT NULL,
    content TEXT NOT NULL,
    tool_calls TEXT,
    tool_call_id VARCHAR(255),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (thread_id, seq),
    UNIQUE (thread_id, message_id)
);
