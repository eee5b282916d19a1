package org.voluntree.contracts.text;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Optional feature rules beyond word uni/bigrams and character n-grams, saved in the manifest
 * with the rest of the {@link FeaturiserConfig}. A manifest without them (older models) reads
 * as {@code null}: the featuriser then behaves exactly as before these rules existed.
 *
 * @param wordTrigrams whether runs of three adjacent words are features
 * @param negationWindow after a negation word ("not", "never", "dont", "cant", "no", …), how many
 *     following words are in its scope (0 = no negation marking); a scope also ends at a
 *     clause word ("but", "and", …), at "?" or "!", and at the next negation word. Words in scope
 *     become {@code n:word} unigrams instead of {@code w:word}, and flip lexicon hits
 * @param lexicon word classes (e.g. {@code positive} → its words, in normalised form): every word
 *     of a class adds the token {@code l:CLASS}, or {@code l:not_CLASS} inside a negation scope,
 *     so that a small corpus learns one weight for a whole word list; the words travel with the
 *     model in its manifest
 */
public record ExtraFeatures(boolean wordTrigrams, int negationWindow, Map<String, List<String>> lexicon) {

    public ExtraFeatures {
        if (negationWindow < 0) {
            throw new IllegalArgumentException("negation window must not be negative, was " + negationWindow);
        }
        if (lexicon == null) {
            lexicon = Map.of();
        } else {
            Map<String, List<String>> sorted = new TreeMap<>();
            lexicon.forEach((name, words) ->
                    sorted.put(name, words.stream().sorted().distinct().toList()));
            lexicon = Collections.unmodifiableMap(sorted);
        }
    }

    /** No extra rules: the featuriser's original behaviour. */
    public static final ExtraFeatures NONE = new ExtraFeatures(false, 0, Map.of());

    public ExtraFeatures withWordTrigrams(boolean enabled) {
        return new ExtraFeatures(enabled, negationWindow, lexicon);
    }

    public ExtraFeatures withNegationWindow(int words) {
        return new ExtraFeatures(wordTrigrams, words, lexicon);
    }

    public ExtraFeatures withLexicon(Map<String, List<String>> classes) {
        return new ExtraFeatures(wordTrigrams, negationWindow, classes);
    }

    /** Whether any rule is on. */
    public boolean any() {
        return wordTrigrams || negationWindow > 0 || !lexicon.isEmpty();
    }

    @Override
    public String toString() {
        return "ExtraFeatures[wordTrigrams=" + wordTrigrams + ", negationWindow=" + negationWindow + ", lexicon="
                + lexicon.entrySet().stream()
                        .map(e -> e.getKey() + ":" + e.getValue().size() + " words")
                        .toList() + "]";
    }
}
