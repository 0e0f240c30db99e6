package dev.idun.engine.guardrail;

/** {@code bias_check}: a weighted lexicon of sweeping statements about groups of people (gender, origin, religion, age), scored per sentence; blocks at {@code threshold}. */
final class BiasCheckGuard extends ScoredGuard {
    private static final Lexicon LEXICON = Lexicon.load("bias.txt");

    BiasCheckGuard(GuardSettings settings) {
        super(settings);
    }

    @Override
    double score(String text) {
        return LEXICON.sentenceScore(text);
    }
}
