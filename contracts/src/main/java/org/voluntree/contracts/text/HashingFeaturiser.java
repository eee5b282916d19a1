package org.voluntree.contracts.text;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns text into a fixed-length array of hashed feature ids: word unigrams first, then word
 * bigrams, then character n-grams of each word (which survive typos), each hashed into
 * {@code 1..buckets-1}; the rest of the array is 0 (padding).
 *
 * <p>With {@link ExtraFeatures}: unigrams in a negation scope are marked ({@code n:word}),
 * lexicon class tokens follow the unigrams, and word trigrams follow the bigrams. Without them
 * the ids are exactly those of the original featuriser, so older models keep their meaning.
 */
public final class HashingFeaturiser {

    /** Negation words in normalised form (the normaliser drops apostrophes: "don't" → "dont"). */
    static final Set<String> NEGATIONS = Set.of(
            "not",
            "no",
            "never",
            "nothing",
            "nobody",
            "none",
            "nowhere",
            "neither",
            "nor",
            "without",
            "cannot",
            "cant",
            "dont",
            "doesnt",
            "didnt",
            "isnt",
            "wasnt",
            "arent",
            "werent",
            "wont",
            "wouldnt",
            "shouldnt",
            "couldnt",
            "hasnt",
            "havent",
            "hadnt",
            "aint",
            "mustnt",
            "neednt",
            "nt");
    /** Words and marks that end a negation scope (the normaliser keeps only "?" and "!" of the punctuation). */
    static final Set<String> SCOPE_BREAKERS =
            Set.of("but", "however", "though", "although", "yet", "because", "except", "?", "!");

    private final FeaturiserConfig config;
    private final ExtraFeatures extras;
    private final Map<String, String[]> lexiconTokens;

    public HashingFeaturiser(FeaturiserConfig config) {
        if (config.normaliserVersion() < TextNormaliser.OLDEST_VERSION
                || config.normaliserVersion() > TextNormaliser.VERSION) {
            throw new IllegalArgumentException("model was trained with normaliser version "
                    + config.normaliserVersion() + " but this build knows versions " + TextNormaliser.OLDEST_VERSION
                    + ".." + TextNormaliser.VERSION + "; retrain the model or run a matching build");
        }
        this.config = config;
        this.extras = config.extrasOrNone();
        this.lexiconTokens = new HashMap<>();
        extras.lexicon().forEach((name, words) -> {
            for (String word : words) {
                lexiconTokens.merge(word, new String[] {"l:" + name, "l:not_" + name}, (a, b) -> concat(a, b));
            }
        });
    }

    private static String[] concat(String[] a, String[] b) {
        String[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    public FeaturiserConfig config() {
        return config;
    }

    /** Normalises and featurises raw text. */
    public int[] featurise(String rawText) {
        return featuriseNormalised(TextNormaliser.normalise(rawText, config.normaliserVersion()));
    }

    /** Featurises text already normalised with the model's {@link FeaturiserConfig#normaliserVersion()}. */
    public int[] featuriseNormalised(String normalised) {
        int[] ids = new int[config.maxFeatures()];
        if (normalised.isEmpty()) {
            return ids;
        }
        String[] words = normalised.split(" ");
        Filler filler = new Filler(ids);
        if (!extras.any()) {
            for (String word : words) {
                filler.add("w:" + word);
            }
        } else {
            addMarkedUnigrams(filler, words);
        }
        if (config.wordBigrams()) {
            for (int i = 1; i < words.length; i++) {
                filler.add("b:" + words[i - 1] + ' ' + words[i]);
            }
        }
        if (extras.wordTrigrams()) {
            for (int i = 2; i < words.length; i++) {
                filler.add("t:" + words[i - 2] + ' ' + words[i - 1] + ' ' + words[i]);
            }
        }
        if (config.charNgramMin() > 0) {
            for (String word : words) {
                addCharNgrams(filler, word);
            }
        }
        return ids;
    }

    /** Unigrams with negation scopes marked, then one lexicon token per lexicon word. */
    private void addMarkedUnigrams(Filler filler, String[] words) {
        boolean[] negated = negationScopes(words);
        for (int i = 0; i < words.length; i++) {
            filler.add((negated[i] ? "n:" : "w:") + words[i]);
        }
        if (lexiconTokens.isEmpty()) {
            return;
        }
        for (int i = 0; i < words.length; i++) {
            String[] tokens = lexiconTokens.get(words[i]);
            if (tokens != null) {
                for (int t = negated[i] ? 1 : 0; t < tokens.length; t += 2) {
                    filler.add(tokens[t]);
                }
            }
        }
    }

    private boolean[] negationScopes(String[] words) {
        boolean[] negated = new boolean[words.length];
        int window = extras.negationWindow();
        if (window == 0) {
            return negated;
        }
        int left = 0;
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (NEGATIONS.contains(word)) {
                left = window;
            } else if (SCOPE_BREAKERS.contains(word)) {
                left = 0;
            } else if (left > 0) {
                negated[i] = true;
                left--;
            }
        }
        return negated;
    }

    private void addCharNgrams(Filler filler, String word) {
        if (word.length() < 3 || !Character.isLetter(word.codePointAt(0))) {
            return;
        }
        String padded = '<' + word + '>';
        for (int n = config.charNgramMin(); n <= config.charNgramMax(); n++) {
            for (int start = 0; start + n <= padded.length(); start++) {
                filler.add("c:" + padded.substring(start, start + n));
            }
        }
    }

    private final class Filler {
        private final int[] ids;
        private int next;

        Filler(int[] ids) {
            this.ids = ids;
        }

        void add(String feature) {
            if (next < ids.length) {
                ids[next++] = bucket(feature);
            }
        }
    }

    private int bucket(String feature) {
        return 1 + Math.floorMod(Murmur3.hash32(feature, config.seed()), config.buckets() - 1);
    }

    @Override
    public String toString() {
        return "HashingFeaturiser" + config;
    }

    /** The number of non-padding ids. */
    public static int length(int[] ids) {
        int n = 0;
        while (n < ids.length && ids[n] != 0) {
            n++;
        }
        return n;
    }
}
