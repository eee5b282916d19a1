package org.voluntree.modeltools.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
