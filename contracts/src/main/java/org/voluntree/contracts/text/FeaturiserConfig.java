package org.voluntree.contracts.text;

/**
 * How a model's featuriser turns normalised text into ids; saved in the model manifest so that
 * training and serving featurise identically.
 *
 * @param normaliserVersion the {@link TextNormaliser#VERSION} the model was trained with
 * @param buckets size of the hashed id space; id 0 is padding, real ids are 1..buckets-1
 * @param maxFeatures ids per message; longer messages are cut, shorter ones padded with 0
 * @param wordBigrams whether adjacent word pairs are features
 * @param charNgramMin smallest character n-gram taken from each word (0 = none)
 * @param charNgramMax largest character n-gram taken from each word
 * @param seed the hash seed
 * @param extras optional rules (word trigrams, negation scopes, lexicon classes); {@code null},
 *     as in manifests written before they existed, means none
 */
public record FeaturiserConfig(
        int normaliserVersion,
        int buckets,
        int maxFeatures,
        boolean wordBigrams,
        int charNgramMin,
        int charNgramMax,
        int seed,
        ExtraFeatures extras) {

    public FeaturiserConfig {
        if (buckets < 2) {
            throw new IllegalArgumentException("buckets must be at least 2, was " + buckets);
        }
        if (maxFeatures < 1) {
            throw new IllegalArgumentException("maxFeatures must be positive, was " + maxFeatures);
        }
        if (charNgramMin < 0 || (charNgramMin > 0 && charNgramMax < charNgramMin)) {
            throw new IllegalArgumentException(
                    "char n-gram range " + charNgramMin + ".." + charNgramMax + " is not valid");
        }
    }

    /** A configuration without {@link ExtraFeatures}. */
    public FeaturiserConfig(
            int normaliserVersion,
            int buckets,
            int maxFeatures,
            boolean wordBigrams,
            int charNgramMin,
            int charNgramMax,
            int seed) {
        this(normaliserVersion, buckets, maxFeatures, wordBigrams, charNgramMin, charNgramMax, seed, null);
    }

    /** The extra rules, {@link ExtraFeatures#NONE} when there are none. */
    public ExtraFeatures extrasOrNone() {
        return extras == null ? ExtraFeatures.NONE : extras;
    }

    public FeaturiserConfig withExtras(ExtraFeatures newExtras) {
        return new FeaturiserConfig(
                normaliserVersion,
                buckets,
                maxFeatures,
                wordBigrams,
                charNgramMin,
                charNgramMax,
                seed,
                newExtras == null || !newExtras.any() ? null : newExtras);
    }

    /** The defaults for short social-media messages. */
    public static FeaturiserConfig defaults() {
        return new FeaturiserConfig(TextNormaliser.VERSION, 1 << 15, 64, true, 3, 4, 0x5eed);
    }
}
