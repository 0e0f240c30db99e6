package dev.idun.engine.model;

/** A system prompt could not be rendered for a run (a variable with no value, a template error); names the cause. */
public final class PromptRenderException extends RuntimeException {
    public PromptRenderException(String message) {
        super(message);
    }
}
