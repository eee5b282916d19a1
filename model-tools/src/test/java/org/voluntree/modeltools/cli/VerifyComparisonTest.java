package org.voluntree.modeltools.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerifyComparisonTest {

    @Test
    void findsTheLargestAbsoluteDifferenceAndCountsAgreeingLabels() {
        float[][] tensorflow = {{0.7f, 0.2f, 0.1f}, {0.4f, 0.35f, 0.25f}};
        float[][] redisai = {{0.7f, 0.2f, 0.1f}, {0.3f, 0.45f, 0.25f}};

        VerifyCommand.Comparison comparison = VerifyCommand.Comparison.of(tensorflow, redisai);

        assertThat(comparison.largestDifference()).isCloseTo(0.1, within(1e-6));
        assertThat(comparison.sameLabel()).isEqualTo(1);
        assertThat(VerifyCommand.Comparison.of(tensorflow, tensorflow).largestDifference())
                .isZero();
    }

    @Test
    void refusesBatchesOfDifferentShapes() {
        assertThatThrownBy(() -> VerifyCommand.Comparison.of(new float[2][3], new float[1][3]))
                .hasMessageContaining("returned 2 and 1 rows");
        assertThatThrownBy(() -> VerifyCommand.Comparison.of(new float[1][3], new float[1][2]))
                .hasMessageContaining("row 0 has 3 and 2 scores");
    }

    @Test
    void gearsRegisterServesTheActiveAndTheNewestThreeVersions() {
        assertThat(GearsRegisterCommand.served(List.of(1, 2, 3, 4, 5), Optional.of(1)))
                .containsExactly(1, 3, 4, 5);
        assertThat(GearsRegisterCommand.served(List.of(1, 2), Optional.of(2))).containsExactly(1, 2);
        assertThat(GearsRegisterCommand.served(List.of(), Optional.empty())).isEmpty();
    }
}
