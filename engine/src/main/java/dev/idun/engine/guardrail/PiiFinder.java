package dev.idun.engine.guardrail;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.idun.config.guardrail.PiiEntity;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds one kind of personal data in a text. Patterns find candidates; checksums (Luhn for cards, mod 97 for IBANs)
 * and libphonenumber's validation drop the look-alikes. Immutable.
 */
final class PiiFinder {
    private static final Pattern EMAIL =
            Pattern.compile("(?<![\\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}");
    private static final Pattern CARD = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])");
    private static final Pattern IBAN =
            Pattern.compile("(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}(?![A-Za-z0-9])");
    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\d.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?![\\d.])");
    private static final Pattern IPV6 = Pattern.compile("(?<![0-9A-Fa-f:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}"
            + "|(?:[0-9A-Fa-f]{1,4}:){1,7}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6})?"
            + "|::(?:[0-9A-Fa-f]{1,4}:){0,6}[0-9A-Fa-f]{1,4})(?![0-9A-Fa-f:])");
    private static final Pattern SSN =
            Pattern.compile("(?<![\\d-])(?!000|666|9\\d\\d)\\d{3}([- ])(?!00)\\d{2}\\1(?!0000)\\d{4}(?![\\d-])");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"'()]+[^\\s<>\"'().,;:!?]");
    /** Region whose national numbers (without {@code +}) are recognised; international ones always are. */
    private static final String DEFAULT_REGION = "US";

    private final PiiEntity entity;

    PiiFinder(PiiEntity entity) {
        this.entity = entity;
    }

    PiiEntity entity() {
        return entity;
    }

    List<Match> find(String text) {
        String replacement = "[" + entity.name() + "]";
        return switch (entity) {
            case EMAIL_ADDRESS -> regex(EMAIL, text, replacement);
            case CREDIT_CARD -> filtered(CARD, text, replacement, PiiFinder::luhn);
            case IBAN_CODE -> filtered(IBAN, text, replacement, PiiFinder::iban);
            case IP_ADDRESS -> {
                List<Match> found = new ArrayList<>(regex(IPV4, text, replacement));
                found.addAll(filtered(
                        IPV6,
                        text,
                        replacement,
                        s -> s.chars().filter(c -> c == ':').count() >= 2
                                && s.chars().anyMatch(Character::isDigit)));
                yield Match.disjoint(found);
            }
            case US_SSN -> regex(SSN, text, replacement);
            case URL -> regex(URL, text, replacement);
            case PHONE_NUMBER -> phones(text, replacement);
        };
    }

    private static List<Match> regex(Pattern pattern, String text, String replacement) {
        return filtered(pattern, text, replacement, s -> true);
    }

    private static List<Match> filtered(
            Pattern pattern, String text, String replacement, java.util.function.Predicate<String> valid) {
        List<Match> matches = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            if (valid.test(matcher.group())) {
                matches.add(new Match(matcher.start(), matcher.end(), replacement));
            }
        }
        return matches;
    }

    private static List<Match> phones(String text, String replacement) {
        List<Match> matches = new ArrayList<>();
        for (PhoneNumberMatch match : PhoneNumberUtil.getInstance()
                .findNumbers(text, DEFAULT_REGION, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
            matches.add(new Match(match.start(), match.end(), replacement));
        }
        return matches;
    }

    static boolean luhn(String candidate) {
        String digits = candidate.replaceAll("[ -]", "");
        if (digits.length() < 13
                || digits.length() > 19
                || digits.chars().distinct().count() == 1) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    static boolean iban(String candidate) {
        String compact = candidate.replace(" ", "").toUpperCase(Locale.ROOT);
        if (compact.length() < 15 || compact.length() > 34) {
            return false;
        }
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
