package org.voluntree.contracts.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StreamGroupConsumerTest {

    @Test
    void aBatchFailureIsLoggedByItsKindsWithoutTheValuesItsMessagesQuote() {
        SQLException server = new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
        BatchUpdateException batch = new BatchUpdateException(
                "Batch entry 0 insert into messages values ('Maya Cruz', 'count me in') was aborted",
                "22021",
                0,
                new int[0],
                server);
        RuntimeException failure = new IllegalStateException("SQL [insert into messages ...] 'Maya Cruz'", batch);

        String kinds = StreamGroupConsumer.kinds(failure);

        assertThat(kinds)
                .isEqualTo("IllegalStateException < BatchUpdateException [22021] < SQLException [22021]")
                .doesNotContain("Maya");
    }
}
