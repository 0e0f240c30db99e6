package dev.idun.channels.delivery;

/**
 * What a channel sends for one inbound message: {@code text} (the agent's answer, a guardrail's message, or an
 * apology) and {@code failure}, a description of what went wrong for the delivery log (null when nothing did).
 */
record AgentReply(String text, String failure) {
    static final String APOLOGY = "Sorry, something went wrong while answering. Please try again later.";

    static AgentReply answer(String text) {
        return new AgentReply(text, null);
    }

    static AgentReply apology(String failure) {
        return new AgentReply(APOLOGY, failure);
    }
}
