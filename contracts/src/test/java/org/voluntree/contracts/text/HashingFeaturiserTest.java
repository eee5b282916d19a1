package org.voluntree.contracts.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HashingFeaturiserTest {

    private static final FeaturiserConfig CONFIG =
            new FeaturiserConfig(TextNormaliser.VERSION, 1 << 16, 64, true, 3, 4, 7);

    private final HashingFeaturiser featuriser = new HashingFeaturiser(CONFIG);

    @Test
    void alwaysReturnsMaxFeaturesIds() {
        String longText = "word ".repeat(200) + "and many more words to overflow the array";
        for (String text : List.of("", "hi", "count me in", longText)) {
            assertThat(featuriser.featurise(text)).hasSize(64);
        }
        assertThat(featuriser.featurise(longText)).doesNotContain(0);
    }

    @Test
    void padsWithZerosAfterTheRealIds() {
        // 3 words + 2 bigrams + 9 char n-grams of "<count>" ("me" and "in" are too short)
        int[] ids = featuriser.featurise("count me in");

        assertThat(HashingFeaturiser.length(ids)).isEqualTo(14);
        assertThat(Arrays.copyOfRange(ids, 0, 14)).doesNotContain(0);
        assertThat(Arrays.copyOfRange(ids, 14, 64)).containsOnly(0);
        assertThat(featuriser.featurise("")).containsOnly(0);
    }

    @Test
    void keepsRealIdsInsideOneToBucketsMinusOne() {
        HashingFeaturiser tiny =
                new HashingFeaturiser(new FeaturiserConfig(TextNormaliser.VERSION, 7, 256, true, 3, 4, 1));
        String text = "the quick brown fox jumps over the lazy dog while volunteers count donations at the park";
        int[] ids = tiny.featurise(text);
        int length = HashingFeaturiser.length(ids);

        assertThat(length).isGreaterThan(50);
        assertThat(Arrays.stream(ids, 0, length))
                .allSatisfy(id -> assertThat(id).isBetween(1, 6));
        assertThat(Arrays.stream(ids, 0, length).distinct().count())
                .as("all buckets in use")
                .isEqualTo(6);

        HashingFeaturiser two =
                new HashingFeaturiser(new FeaturiserConfig(TextNormaliser.VERSION, 2, 16, false, 0, 0, 1));
        assertThat(two.featurise("a b c d")).startsWith(1, 1, 1, 1).containsOnly(0, 1);
    }

    @Test
    void isDeterministicAcrossInstancesAndDependsOnTheSeed() {
        String text = "I can help on Sunday at the food bank!";
        int[] first = featuriser.featurise(text);

        assertThat(new HashingFeaturiser(CONFIG).featurise(text)).isEqualTo(first);
        FeaturiserConfig otherSeed = new FeaturiserConfig(TextNormaliser.VERSION, 1 << 16, 64, true, 3, 4, 8);
        assertThat(new HashingFeaturiser(otherSeed).featurise(text)).isNotEqualTo(first);
    }

    @Test
    void featurisesNormalisedText() {
        String raw = "COUNT me IN!!! @ana https://x.org";
        assertThat(featuriser.featurise(raw)).isEqualTo(featuriser.featuriseNormalised(TextNormaliser.normalise(raw)));
        assertThat(featuriser.featurise("Count ME in")).isEqualTo(featuriser.featurise("count me in"));
    }

    @Test
    void putsWordUnigramsFirst() {
        int[] single = featuriser.featurise("volunteer");
        int[] sentence = featuriser.featurise("volunteer today");

        assertThat(sentence[0]).isEqualTo(single[0]);
    }

    @Test
    void aTypoSharesCharacterNgramsButNotTheWord() {
        Set<Integer> right = realIds(featuriser.featurise("volunteer"));
        Set<Integer> typo = realIds(featuriser.featurise("voluntere"));
        Set<Integer> shared = new HashSet<>(right);
        shared.retainAll(typo);

        assertThat(shared).hasSizeGreaterThanOrEqualTo(8);
        assertThat(featuriser.featurise("voluntere")[0]).isNotEqualTo(featuriser.featurise("volunteer")[0]);

        HashingFeaturiser wordsOnly =
                new HashingFeaturiser(new FeaturiserConfig(TextNormaliser.VERSION, 1 << 16, 64, true, 0, 0, 7));
        Set<Integer> wordOnlyShared = realIds(wordsOnly.featurise("volunteer"));
        wordOnlyShared.retainAll(realIds(wordsOnly.featurise("voluntere")));
        assertThat(wordOnlyShared).isEmpty();
    }

    @Test
    void refusesAConfigFromAnotherNormaliserVersion() {
        FeaturiserConfig future = new FeaturiserConfig(TextNormaliser.VERSION + 1, 1 << 16, 64, true, 3, 4, 7);

        assertThatThrownBy(() -> new HashingFeaturiser(future))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("normaliser version " + (TextNormaliser.VERSION + 1))
                .hasMessageContaining("retrain");
    }

    @Test
    void configRefusesImpossibleSettings() {
        assertThatThrownBy(() -> new FeaturiserConfig(TextNormaliser.VERSION, 1, 64, true, 3, 4, 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("buckets");
        assertThatThrownBy(() -> new FeaturiserConfig(TextNormaliser.VERSION, 100, 0, true, 3, 4, 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxFeatures");
        assertThatThrownBy(() -> new FeaturiserConfig(TextNormaliser.VERSION, 100, 64, true, 4, 3, 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n-gram");
    }

    private static Set<Integer> realIds(int[] ids) {
        return Arrays.stream(ids).filter(id -> id != 0).boxed().collect(Collectors.toCollection(HashSet::new));
    }
}
