package dev.idun.config.agent;

import java.util.Locale;
import java.util.Optional;

/** Agent frameworks known to the config format; {@link #runnable()} says whether this server can run one. */
public enum AgentType {
    LANGCHAIN4J(true),
    LANGGRAPH(true),
    CUSTOM(true),
    TRANSLATION_AGENT(true),
    CORRECTION_AGENT(true),
    ADK(false),
    HAYSTACK(false),
    CREWAI(false),
    DEEP_RESEARCH_AGENT(false);

    private final boolean runnable;

    AgentType(boolean runnable) {
        this.runnable = runnable;
    }

    public boolean runnable() {
        return runnable;
    }

    public static Optional<AgentType> parse(String text) {
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
