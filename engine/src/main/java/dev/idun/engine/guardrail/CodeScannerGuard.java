package dev.idun.engine.guardrail;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code code_scanner}: finds source code (fenced blocks by their tag or their content, bare code by telltale
 * lines) and blocks code in a language outside {@code allowed_languages}. A fenced block whose language cannot be
 * told is blocked unless the list allows everything it could be, so an empty list allows no code at all.
 */
final class CodeScannerGuard implements Guard {
    private static final Pattern FENCE =
            Pattern.compile("```[ \\t]*([\\w+#-]*)[^\\n]*\\n(.*?)(?:```|$)", Pattern.DOTALL);
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("py", "python"),
            Map.entry("python3", "python"),
            Map.entry("js", "javascript"),
            Map.entry("node", "javascript"),
            Map.entry("jsx", "javascript"),
            Map.entry("ts", "typescript"),
            Map.entry("tsx", "typescript"),
            Map.entry("c++", "cpp"),
            Map.entry("cc", "cpp"),
            Map.entry("c#", "csharp"),
            Map.entry("cs", "csharp"),
            Map.entry("golang", "go"),
            Map.entry("rs", "rust"),
            Map.entry("sh", "bash"),
            Map.entry("shell", "bash"),
            Map.entry("zsh", "bash"),
            Map.entry("console", "bash"),
            Map.entry("rb", "ruby"),
            Map.entry("htm", "html"),
            Map.entry("xml", "html"),
            Map.entry("postgresql", "sql"),
            Map.entry("mysql", "sql"));
    private static final Map<String, List<Pattern>> SIGNS = signs();

    private final GuardSettings settings;
    private final Set<String> allowed = new HashSet<>();

    CodeScannerGuard(GuardSettings settings) {
        this.settings = settings;
        settings.strings("allowed_languages").forEach(l -> allowed.add(l.trim().toLowerCase(Locale.ROOT)));
    }

    @Override
    public Verdict check(String text, GuardContext context) {
        Matcher fence = FENCE.matcher(text);
        StringBuilder outside = new StringBuilder();
        int at = 0;
        while (fence.find()) {
            outside.append(text, at, fence.start()).append('\n');
            at = fence.end();
            String tag = fence.group(1).toLowerCase(Locale.ROOT);
            String language = ALIASES.getOrDefault(tag, tag);
            Set<String> found = language.isEmpty() || language.equals("text") || language.equals("plaintext")
                    ? detect(fence.group(2))
                    : Set.of(language);
            boolean prose = language.equals("text") || language.equals("plaintext") || language.equals("markdown");
            if ((found.isEmpty() && !prose) || !allowed.containsAll(found)) {
                return Verdict.block(rejectMessage());
            }
        }
        outside.append(text.substring(at));
        return allowed.containsAll(detect(outside.toString())) ? Verdict.PASS : Verdict.block(rejectMessage());
    }

    /** The languages whose telltales {@code code} shows: one strong sign, or two weaker ones. */
    static Set<String> detect(String code) {
        Set<String> languages = new HashSet<>();
        SIGNS.forEach((language, patterns) -> {
            int score = 0;
            for (int i = 0; i < patterns.size(); i++) {
                if (patterns.get(i).matcher(code).find()) {
                    score += i == 0 ? 2 : 1;
                }
            }
            if (score >= 2) {
                languages.add(language);
            }
        });
        if (languages.contains("typescript")) {
            languages.remove("javascript");
        }
        if (languages.contains("cpp")) {
            languages.remove("c");
        }
        return languages;
    }

    /** Per language: the first pattern is a strong sign, the others weak ones. */
    private static Map<String, List<Pattern>> signs() {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        raw.put(
                "python",
                List.of(
                        "(?m)^\\s*def \\w+\\([^)]*\\)\\s*(?:->\\s*[\\w\\[\\], ]+)?:\\s*$",
                        "(?m)^\\s*(?:from [\\w.]+ )?import \\w+",
                        "(?m)^\\s*(?:if|elif|for|while|with|class) .*:\\s*$",
                        "\\bprint\\(",
                        "\\bself\\."));
        raw.put(
                "javascript",
                List.of(
                        "\\bconsole\\.log\\(|\\bdocument\\.getElementById\\(|\\brequire\\(['\"]",
                        "\\b(?:const|let|var) \\w+\\s*=",
                        "=>\\s*\\{?",
                        "\\bfunction\\s*\\w*\\s*\\(",
                        "\\bexport default\\b"));
        raw.put(
                "typescript",
                List.of(
                        "\\b(?:interface|type) \\w+\\s*(?:=\\s*)?\\{[^}]*:\\s*(?:string|number|boolean)",
                        "\\b(?:const|let) \\w+\\s*:\\s*(?:string|number|boolean)\\b"));
        raw.put(
                "java",
                List.of(
                        "\\bpublic static void main\\s*\\(|\\bSystem\\.out\\.println\\(",
                        "\\b(?:public|private|protected) (?:final )?(?:class|interface|record) \\w+",
                        "\\b(?:public|private|protected) (?:static )?[\\w<>\\[\\]]+ \\w+\\([^)]*\\)\\s*\\{",
                        "(?m)^import java\\."));
        raw.put(
                "c",
                List.of(
                        "#include\\s*<(?:stdio|stdlib|string|unistd)\\.h>|\\bprintf\\s*\\(\"",
                        "\\bint main\\s*\\(",
                        "\\bmalloc\\s*\\("));
        raw.put(
                "cpp",
                List.of(
                        "#include\\s*<(?:iostream|vector|string|map|memory|algorithm)>|\\bstd::\\w+",
                        "\\bint main\\s*\\(",
                        "\\b(?:cout|cin)\\s*(?:<<|>>)"));
        raw.put(
                "csharp",
                List.of(
                        "\\bConsole\\.WriteLine\\(|(?m)^using System(?:\\.\\w+)*;",
                        "\\bnamespace \\w+",
                        "\\bpublic (?:static )?(?:async )?(?:void|Task|string|int) \\w+\\("));
        raw.put(
                "go",
                List.of(
                        "(?m)^package \\w+\\s*$|\\bfmt\\.Print(?:ln|f)?\\(",
                        "(?m)^func (?:\\(\\w+ \\*?\\w+\\) )?\\w+\\(",
                        ":=",
                        "(?m)^import \\("));
        raw.put(
                "rust",
                List.of(
                        "\\bfn main\\s*\\(\\)|\\bprintln!\\(|\\blet mut \\w+",
                        "(?m)^\\s*(?:pub )?fn \\w+",
                        "(?m)^use \\w+(?:::\\w+)+;",
                        "\\bimpl\\b"));
        raw.put(
                "sql",
                List.of(
                        "(?i)\\bselect\\s+[\\w*,\\s.]+\\s+from\\s+\\w+|(?i)\\b(?:insert\\s+into|drop\\s+table|create\\s+table|delete\\s+from)\\s+\\w+",
                        "(?i)\\bwhere\\s+\\w+\\s*(?:=|like|in)\\b",
                        "(?i)\\bupdate\\s+\\w+\\s+set\\b"));
        raw.put(
                "bash",
                List.of(
                        "(?m)^#!/bin/(?:ba)?sh|(?m)^\\s*\\$?\\s*(?:sudo|apt-get|chmod|chown|rm -rf|curl -\\w|wget|export \\w+=)",
                        "(?m)^\\s*(?:echo|grep|cd|ls|mkdir|cat) [\\w\"'$./-]",
                        "\\|\\s*(?:grep|awk|sed|xargs)\\b",
                        "(?m)^\\s*(?:fi|done|esac)\\s*$"));
        raw.put("php", List.of("<\\?php", "\\$\\w+\\s*=", "\\becho \\$"));
        raw.put(
                "ruby",
                List.of(
                        "(?m)^\\s*(?:require ['\"]\\w+['\"]|puts \\S)",
                        "(?m)^\\s*def \\w+(?:\\(.*\\))?\\s*$",
                        "(?m)^\\s*end\\s*$",
                        "\\.each do \\|"));
        raw.put(
                "html",
                List.of(
                        "(?i)<(?:html|body|head|script|div|span|form|iframe)\\b[^>]*>",
                        "(?i)</(?:p|a|ul|li|table|div)>"));
        raw.put(
                "css",
                List.of(
                        "(?m)^\\s*[.#]?[\\w-]+\\s*\\{\\s*$[^}]*?[\\w-]+\\s*:\\s*[^;]+;",
                        "(?m)^\\s*[\\w-]+\\s*:\\s*[^;]+;\\s*$"));
        Map<String, List<Pattern>> compiled = new LinkedHashMap<>();
        raw.forEach((language, patterns) ->
                compiled.put(language, patterns.stream().map(Pattern::compile).toList()));
        return Map.copyOf(compiled);
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public String rejectMessage() {
        return settings.rejectMessage();
    }
}
