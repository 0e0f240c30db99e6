package dev.idun.admin.configstore;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** URL-safe identifiers derived from names: {@code "GitHub Tools"} becomes {@code github-tools}. */
public final class Slugs {
    public static final int MAX_LENGTH = 64;
    public static final int MAX_SUFFIX = 99;

    private Slugs() {}

    /** The slug of a name, or empty when nothing usable is left (e.g. {@code "!!!"}). */
    public static Optional<String> normalize(String name) {
        String ascii = Normalizer.normalize(name.strip(), Normalizer.Form.NFKD).replaceAll("[^\\p{ASCII}]", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? Optional.empty() : Optional.of(slug);
    }

    /**
     * {@code base} if free, else the first free {@code base-2} … {@code base-99}, shortening the base so the result
     * stays within {@value #MAX_LENGTH} characters; empty when all are taken.
     */
    public static Optional<String> unique(String base, Set<String> taken) {
        if (!taken.contains(base)) {
            return Optional.of(base);
        }
        for (int n = 2; n <= MAX_SUFFIX; n++) {
            String suffix = "-" + n;
            String stem = base.length() + suffix.length() > MAX_LENGTH
                    ? base.substring(0, MAX_LENGTH - suffix.length()).replaceAll("-+$", "")
                    : base;
            String candidate = stem + suffix;
            if (!taken.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
