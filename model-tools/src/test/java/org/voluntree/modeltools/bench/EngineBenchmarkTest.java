package org.voluntree.modeltools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.voluntree.modeltools.bench.EngineBenchmark.Arguments;

/** What the engine benchmark takes as arguments, and what it says of one out of its range. */
class EngineBenchmarkTest {

    @Test
    void theArgumentsDefaultAndAreReadInOrder() {
        assertThat(Arguments.of()).isEqualTo(new Arguments(Path.of("models/intent"), null, 3, 1, 1));
        assertThat(Arguments.of("models/offense", "texts.tsv", "0.5", "2", "0"))
                .isEqualTo(new Arguments(Path.of("models/offense"), Path.of("texts.tsv"), 0.5, 2, 0));
    }

    @Test
    void anArgumentOutOfItsRangeIsNamedWithTheRange() {
        assertThatThrownBy(() -> Arguments.of("models/intent", "texts.tsv", "0"))
                .hasMessage("SECONDS_PER_POINT must be more than 0, was 0");
        assertThatThrownBy(() -> Arguments.of("models/intent", "texts.tsv", "Infinity"))
                .hasMessage("SECONDS_PER_POINT must be more than 0, was Infinity");
        assertThatThrownBy(() -> Arguments.of("models/intent", "texts.tsv", "soon"))
                .hasMessage("SECONDS_PER_POINT must be a number, was soon");
        assertThatThrownBy(() -> Arguments.of("models/intent", "texts.tsv", "3", "0"))
                .hasMessage("CALLERS must be 1 or more, was 0");
        assertThatThrownBy(() -> Arguments.of("models/intent", "texts.tsv", "3", "1.5"))
                .hasMessage("CALLERS must be a whole number, was 1.5");
        assertThatThrownBy(() -> Arguments.of("models/intent", "texts.tsv", "3", "1", "-1"))
                .hasMessage("THREADS_PER_OP must be 0 (all cores) or more, was -1");
    }
}
