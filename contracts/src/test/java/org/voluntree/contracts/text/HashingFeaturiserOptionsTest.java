package org.voluntree.contracts.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.model.ModelManifest;

class HashingFeaturiserOptionsTest {

    private static final String TEXT = "I don't think I can make it, sorry! 😢 @Maria";
    /** The ids that the featuriser produced before ExtraFeatures existed: old models must keep them. */
    private static final int[] ORIGINAL_IDS = {
        13399, 22807, 8533, 13399, 56790, 48242, 44504, 37994, 26946, 14109, 62, 33383, 10879, 28601, 48698, 5462, 2405,
        62405, 65239, 60804, 6911, 34869, 34623, 55850
    };

    private static final FeaturiserConfig BASE = new FeaturiserConfig(1, 1 << 16, 24, true, 4, 4, 0x5eed);

    @Test
    void withoutExtrasTheIdsAreThoseOfTheOriginalFeaturiser() {
        assertThat(new HashingFeaturiser(BASE).featurise(TEXT)).containsExactly(ORIGINAL_IDS);
        assertThat(new HashingFeaturiser(BASE.withExtras(ExtraFeatures.NONE)).featurise(TEXT))
                .containsExactly(ORIGINAL_IDS);
        assertThat(BASE.withExtras(ExtraFeatures.NONE).extras()).isNull();
    }

    @Test
    void aManifestWrittenBeforeExtrasExistedStillLoadsWithoutThem() {
        String json = """
                {"analyzer":"intent","version":3,"family":"embedding-bag","labels":["a","b"],
                 "input":{"name":"ids","dtype":"INT32","shape":[-1,24]},
                 "output":{"name":"probs","dtype":"FLOAT","shape":[-1,2]},
                 "featuriser":{"normaliserVersion":1,"buckets":65536,"maxFeatures":24,"wordBigrams":true,
                   "charNgramMin":4,"charNgramMax":4,"seed":24301},
                 "metrics":{},"trainingData":[],"graphSha256":"00","createdAt":"2025-01-01T00:00:00Z"}
                """;
        ModelManifest manifest = Json.read(json.getBytes(StandardCharsets.UTF_8), ModelManifest.class);
        assertThat(manifest.featuriser()).isEqualTo(BASE);
        assertThat(new HashingFeaturiser(manifest.featuriser()).featurise(TEXT)).containsExactly(ORIGINAL_IDS);
    }

    @Test
    void extrasSurviveTheManifestRoundTrip() {
        FeaturiserConfig config = BASE.withExtras(
                new ExtraFeatures(true, 3, Map.of("positive", List.of("good", "great"), "negative", List.of("bad"))));
        FeaturiserConfig read = Json.read(Json.write(config), FeaturiserConfig.class);
        assertThat(read).isEqualTo(config);
        assertThat(new HashingFeaturiser(read).featurise("not good at all"))
                .containsExactly(new HashingFeaturiser(config).featurise("not good at all"));
    }

    @Test
    void negationMarksTheWordsInItsScopeUntilAClauseBreaker() {
        FeaturiserConfig config = new FeaturiserConfig(1, 1 << 20, 8, false, 0, 0, 7)
                .withExtras(ExtraFeatures.NONE.withNegationWindow(3));
        HashingFeaturiser featuriser = new HashingFeaturiser(config);
        HashingFeaturiser plain = new HashingFeaturiser(new FeaturiserConfig(1, 1 << 20, 8, false, 0, 0, 7));
        int[] negated = featuriser.featurise("it wasn't good but fun");
        int[] words = plain.featurise("it wasn't good but fun");
        assertThat(negated[0]).isEqualTo(words[0]);
        assertThat(negated[1]).isEqualTo(words[1]);
        assertThat(negated[2]).as("'good' is in the scope of wasn't").isNotEqualTo(words[2]);
        assertThat(negated[3]).isEqualTo(words[3]);
        assertThat(negated[4]).as("'but' ends the scope").isEqualTo(words[4]);
        assertThat(featuriser.featurise("not good")[1]).isEqualTo(negated[2]);
    }

    @Test
    void lexiconWordsAddTheirClassTokenAndNegationFlipsIt() {
        FeaturiserConfig config = new FeaturiserConfig(1, 1 << 20, 8, false, 0, 0, 7)
                .withExtras(new ExtraFeatures(false, 2, Map.of("positive", List.of("good", "great"))));
        HashingFeaturiser featuriser = new HashingFeaturiser(config);
        int[] good = featuriser.featurise("good");
        int[] great = featuriser.featurise("great");
        int[] notGood = featuriser.featurise("not good");
        assertThat(HashingFeaturiser.length(good)).isEqualTo(2);
        assertThat(good[1]).as("one shared class token").isEqualTo(great[1]);
        assertThat(HashingFeaturiser.length(notGood)).isEqualTo(3);
        assertThat(notGood[2]).as("negated class token").isNotEqualTo(good[1]);
        assertThat(HashingFeaturiser.length(featuriser.featurise("fine"))).isEqualTo(1);
    }

    @Test
    void trigramsFollowTheBigrams() {
        FeaturiserConfig plain = new FeaturiserConfig(1, 1 << 20, 16, true, 0, 0, 7);
        FeaturiserConfig trigrams = plain.withExtras(ExtraFeatures.NONE.withWordTrigrams(true));
        int[] without = new HashingFeaturiser(plain).featurise("count me in");
        int[] with = new HashingFeaturiser(trigrams).featurise("count me in");
        assertThat(HashingFeaturiser.length(without)).isEqualTo(5);
        assertThat(HashingFeaturiser.length(with)).isEqualTo(6);
        assertThat(with).startsWith(java.util.Arrays.copyOf(without, 5));
    }
}
