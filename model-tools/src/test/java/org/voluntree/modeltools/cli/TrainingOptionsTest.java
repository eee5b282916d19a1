package org.voluntree.modeltools.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.voluntree.modeltools.data.Analyzer;
import org.voluntree.modeltools.train.BestWeightedF1;
import org.voluntree.modeltools.train.PrecisionFloor;
import org.voluntree.modeltools.train.TrainingConfig;
import picocli.CommandLine;

/** How train and crossval options change an analyzer's default configuration. */
class TrainingOptionsTest {

    private static TrainingConfig config(Analyzer analyzer, String... args) {
        TrainingOptions options = new TrainingOptions();
        new CommandLine(options).parseArgs(args);
        return options.config(analyzer);
    }

    @Test
    void aHiddenLayerCanReplaceTheDefaultEnsembleWhateverTheOptionOrder() {
        for (Analyzer analyzer : new Analyzer[] {Analyzer.INTENT, Analyzer.OFFENSE}) {
            TrainingConfig config = config(analyzer, "--hidden", "32", "--ensemble", "1");
            assertThat(config.hiddenUnits()).isEqualTo(32);
            assertThat(config.ensemble()).isEqualTo(1);
        }
    }

    @Test
    void featuriserOptionsWithinTheirRangesReachTheFeaturiser() {
        // the featuriser hashes into buckets-1 ids whatever their count: no power of two is needed
        TrainingConfig config = config(
                Analyzer.INTENT,
                "--buckets",
                "3000",
                "--max-features",
                "1",
                "--char-ngrams",
                "2-5",
                "--negation-window",
                "0");
        assertThat(config.featuriser().buckets()).isEqualTo(3000);
        assertThat(config.featuriser().maxFeatures()).isEqualTo(1);
        assertThat(config.featuriser().charNgramMin()).isEqualTo(2);
        assertThat(config.featuriser().charNgramMax()).isEqualTo(5);
        assertThat(config(Analyzer.INTENT, "--char-ngrams", "3").featuriser().charNgramMax())
                .isEqualTo(3);
        assertThat(config(Analyzer.INTENT, "--char-ngrams", "0").featuriser().charNgramMin())
                .isZero();
        assertThat(config(Analyzer.INTENT, "--buckets", "2", "--dim", "1")
                        .featuriser()
                        .buckets())
                .as("the smallest id space: one real id")
                .isEqualTo(2);
    }

    @Test
    void anOptionOutOfItsRangeIsRefusedBeforeTheConfigurationIsBuilt() {
        assertThatThrownBy(() -> config(Analyzer.SENTIMENT, "--buckets", "1"))
                .isInstanceOf(OptionOutOfRangeException.class)
                .hasMessage("--buckets must be 2 or more, was 1");
        assertThatThrownBy(() -> config(Analyzer.INTENT, "--volunteer-precision", "2"))
                .isInstanceOf(OptionOutOfRangeException.class)
                .hasMessage("--volunteer-precision must be from 0 to 1, was 2.0");
        assertThat(config(Analyzer.INTENT, "--volunteer-precision", "1").calibration())
                .isEqualTo(new PrecisionFloor("volunteer", 1, 5));
    }

    @Test
    void theVolunteerPrecisionFloorIsRefusedForAnAnalyzerWithoutAVolunteerLabel() {
        for (Analyzer analyzer : new Analyzer[] {Analyzer.SENTIMENT, Analyzer.OFFENSE}) {
            assertThatThrownBy(() -> config(analyzer, "--volunteer-precision", "0.9"))
                    .isInstanceOf(OptionOutOfRangeException.class)
                    .hasMessage("--volunteer-precision must be left out for " + analyzer.id()
                            + " (it is the intent analyzer's precision floor on 'volunteer'), was 0.9");
        }
    }

    @Test
    void weightedF1ShiftsReplaceTheCalibrationOnlyWhenAskedFor() {
        assertThat(config(Analyzer.OFFENSE, "--weighted-f1-shifts", "true").calibration())
                .isEqualTo(new BestWeightedF1(5));
        assertThat(config(Analyzer.OFFENSE).calibration()).isNull();
        assertThat(config(Analyzer.INTENT, "--weighted-f1-shifts", "false").calibration())
                .isInstanceOf(PrecisionFloor.class);
        assertThat(config(Analyzer.INTENT, "--volunteer-precision", "0").calibration())
                .isNull();
    }
}
