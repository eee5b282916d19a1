package org.voluntree.contracts.text;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Puts a message into the canonical form the featuriser reads: lower case, URLs and mentions
 * replaced by placeholder tokens, every emoji its own token (skin tones and variation
 * selectors dropped), letters repeated three or more times cut to two ("soooo" → "soo"),
 * question and exclamation marks kept as tokens, other punctuation and whitespace folded to
 * single spaces.
 *
 * <p>{@link #VERSION} is recorded in every model manifest: change the rules, bump it, and keep
 * the old rules reachable through {@link #normalise(String, int)} so that models trained with
 * them are served exactly as they were trained. Version 2 reads the typographic apostrophes
 * ({@code ’}, {@code ʼ}) that phone keyboards type like the ASCII one ("I’ll" → "ill", not "i ll").
 * Version 3 also decodes HTML character references first ({@code &#128514;} → 😂,
 * {@code don&#8217;t} → "dont", {@code &amp;} → "&"), which scraped and exported posts carry in
 * place of the characters a live comment has.
 */
public final class TextNormaliser {

    /** Version of these rules, saved with every model. */
    public static final int VERSION = 3;

    /** The oldest rules this build can still apply. */
    public static final int OLDEST_VERSION = 1;

    public static final String URL_TOKEN = "xxurl";
    public static final String MENTION_TOKEN = "xxuser";

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    private static final Pattern MENTION = Pattern.compile("@[\\p{L}\\p{N}_.]+");
    private static final Pattern REPEATS = Pattern.compile("(\\p{L})\\1{2,}");
    private static final Pattern CHARACTER_REFERENCE =
            Pattern.compile("&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos|nbsp));");

    private TextNormaliser() {}

    /** Normalises with the current rules. */
    public static String normalise(String text) {
        return normalise(text, VERSION);
    }

    /** Normalises with the rules of an earlier version, for models trained with them. */
    public static String normalise(String text, int version) {
        if (version < OLDEST_VERSION || version > VERSION) {
            throw new IllegalArgumentException("normaliser version " + version + " is not one this build knows ("
                    + OLDEST_VERSION + ".." + VERSION + "); retrain the model or run a matching build");
        }
        if (text == null || text.isEmpty()) {
            return "";
        }
        if (version >= 3) {
            text = decodeCharacterReferences(text);
        }
        if (version >= 2) {
            text = text.replace('\u2019', '\'').replace('\u02BC', '\'');
        }
        // each pass runs only when its pattern can match: most messages have no URL, mention or long repeat
        String s = mayHoldUrl(text) ? URL.matcher(text).replaceAll(" " + URL_TOKEN + " ") : text;
        if (s.indexOf('@') >= 0) {
            s = MENTION.matcher(s).replaceAll(" " + MENTION_TOKEN + " ");
        }
        s = s.toLowerCase(Locale.ROOT);
        if (holdsRepeatedLetter(s)) {
            s = REPEATS.matcher(s).replaceAll("$1$1");
        }
        return tokenSpaced(s);
    }

    /** Whether {@link #URL} can match: a "www." or "http" somewhere, in any case. */
    private static boolean mayHoldUrl(String text) {
        for (int i = 0; i + 4 <= text.length(); i++) {
            char c = text.charAt(i);
            if ((c == 'w' || c == 'W') && text.regionMatches(true, i, "www.", 0, 4)
                    || (c == 'h' || c == 'H') && text.regionMatches(true, i, "http", 0, 4)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@link #REPEATS} can match: a letter three or more times in a row. */
    private static boolean holdsRepeatedLetter(String s) {
        int previous = -1;
        int run = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            run = cp == previous ? run + 1 : 1;
            if (run == 3 && Character.isLetter(cp)) {
                return true;
            }
            previous = cp;
            i += Character.charCount(cp);
        }
        return false;
    }

    /**
     * Every code point through {@link #appendCodePoint}, then runs of spaces folded to one and none
     * at either end (the only whitespace left is the spaces it writes).
     */
    private static String tokenSpaced(String s) {
        StringBuilder spaced = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            appendCodePoint(spaced, cp);
            i += Character.charCount(cp);
        }
        StringBuilder out = new StringBuilder(spaced.length());
        boolean space = false;
        for (int i = 0; i < spaced.length(); i++) {
            char c = spaced.charAt(i);
            if (c == ' ') {
                space = true;
            } else {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Numeric ({@code &#8220;}, {@code &#x201C;}) and the common named references; others stay as they are. */
    private static String decodeCharacterReferences(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        return CHARACTER_REFERENCE.matcher(text).replaceAll(match -> {
            String name = match.group(3);
            if (name != null) {
                return switch (name) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    default -> " ";
                };
            }
            int cp = match.group(1) != null ? Integer.parseInt(match.group(1)) : Integer.parseInt(match.group(2), 16);
            boolean valid = cp > 0 && cp <= Character.MAX_CODE_POINT && (cp < 0xD800 || cp > 0xDFFF);
            return valid ? java.util.regex.Matcher.quoteReplacement(Character.toString(cp)) : " ";
        });
    }

    private static void appendCodePoint(StringBuilder out, int cp) {
        if (Character.isLetterOrDigit(cp) || cp == '\'') {
            if (cp != '\'') {
                out.appendCodePoint(cp);
            }
        } else if (cp == '?' || cp == '!') {
            out.append(' ').appendCodePoint(cp).append(' ');
        } else if (isEmojiModifier(cp)) {
            // skin tones, variation selectors and joiners carry no meaning for us
        } else if (isEmoji(cp)) {
            out.append(' ').appendCodePoint(cp).append(' ');
        } else {
            out.append(' ');
        }
    }

    private static boolean isEmojiModifier(int cp) {
        return (cp >= 0x1F3FB && cp <= 0x1F3FF) || cp == 0xFE0F || cp == 0xFE0E || cp == 0x200D;
    }

    private static boolean isEmoji(int cp) {
        int type = Character.getType(cp);
        return type == Character.OTHER_SYMBOL || (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF);
    }
}
