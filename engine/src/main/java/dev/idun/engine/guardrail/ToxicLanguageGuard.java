package dev.idun.engine.guardrail;

/** {@code toxic_language}: a weighted lexicon of insults, profanity, threats and hate phrases, scored per sentence; blocks at {@code threshold}. */
final class ToxicLanguageGuard extends ScoredGuard {
    private static final Lexicon LEXICON = Lexicon.load("toxic.txt");

    ToxicLanguageGuard(GuardSettings settings) {
        super(settings);
    }

    @Override
    double score(String text) {
        return LEXICON.sentenceScore(text);
    }
}
