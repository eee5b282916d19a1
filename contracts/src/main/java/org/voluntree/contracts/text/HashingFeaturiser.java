package org.voluntree.contracts.text;

/**
 * Turns text into a fixed-length array of hashed feature ids: word unigrams first, then word
 * bigrams, then character n-grams of each word (which survive typos), each hashed into
 * {@code 1..buckets-1}; the rest of the array is 0 (padding).
 */
public final class HashingFeaturiser {

    private final FeaturiserConfig config;

    public HashingFeaturiser(FeaturiserConfig config) {
        if (config.normaliserVersion() != TextNormaliser.VERSION) {
            throw new IllegalArgumentException("model was trained with normaliser version "
                    + config.normaliserVersion() + " but this build has version " + TextNormaliser.VERSION
                    + "; retrain the model or run a matching build");
        }
        this.config = config;
    }

    public FeaturiserConfig config() {
        return config;
    }

    /** Normalises and featurises raw text. */
    public int[] featurise(String rawText) {
        return featuriseNormalised(TextNormaliser.normalise(rawText));
    }

    /** Featurises text already in {@link TextNormaliser} form. */
    public int[] featuriseNormalised(String normalised) {
        int[] ids = new int[config.maxFeatures()];
        if (normalised.isEmpty()) {
            return ids;
        }
        String[] words = normalised.split(" ");
        Filler filler = new Filler(ids);
        for (String word : words) {
            filler.add("w:" + word);
        }
        if (config.wordBigrams()) {
            for (int i = 1; i < words.length; i++) {
                filler.add("b:" + words[i - 1] + ' ' + words[i]);
            }
        }
        if (config.charNgramMin() > 0) {
            for (String word : words) {
                addCharNgrams(filler, word);
            }
        }
        return ids;
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
