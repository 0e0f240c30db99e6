package dev.idun.engine.guardrail;

/** {@code detect_jailbreak}: a weighted lexicon of phrasings that try to talk the model out of its rules (role-play without limits, developer mode, DAN), scored over the whole text; blocks at {@code threshold}. */
final class DetectJailbreakGuard extends ScoredGuard {
    private static final Lexicon LEXICON = Lexicon.load("jailbreak.txt");

    DetectJailbreakGuard(GuardSettings settings) {
        super(settings);
    }

    @Override
    double score(String text) {
        return LEXICON.score(text);
    }
}
