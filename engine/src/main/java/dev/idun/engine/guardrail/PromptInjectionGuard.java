package dev.idun.engine.guardrail;

/** {@code prompt_injection}: a weighted lexicon of instructions smuggled into content (ignore previous instructions, reveal the system prompt, fake role markers), scored over the whole text; blocks at {@code threshold}. */
final class PromptInjectionGuard extends ScoredGuard {
    private static final Lexicon LEXICON = Lexicon.load("injection.txt");

    PromptInjectionGuard(GuardSettings settings) {
        super(settings);
    }

    @Override
    double score(String text) {
        return LEXICON.score(text);
    }
}
