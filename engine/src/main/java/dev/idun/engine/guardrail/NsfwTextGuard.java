package dev.idun.engine.guardrail;

/** {@code nsfw_text}: a weighted lexicon of sexual and graphic-violence terms, scored per sentence; blocks at {@code threshold}. */
final class NsfwTextGuard extends ScoredGuard {
    private static final Lexicon LEXICON = Lexicon.load("nsfw.txt");

    NsfwTextGuard(GuardSettings settings) {
        super(settings);
    }

    @Override
    double score(String text) {
        return LEXICON.sentenceScore(text);
    }
}
