package org.voluntree.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InboundEventTest {

    @Test
    void nulCharactersAreDroppedWhereverTheEventComesFrom() {
        InboundEvent event = Events.comment("c\u00001", "count me\u0000 in");

        assertThat(event.text()).isEqualTo("count me in");
        assertThat(event.externalId()).isEqualTo("c1");

        // an event queued before the rule (read back from q:preprocess) gets the same treatment
        String queued = new String(Json.write(Events.comment("c2", "plain")), StandardCharsets.UTF_8)
                .replace("plain", "pla\\u0000in");
        assertThat(Json.read(queued.getBytes(StandardCharsets.UTF_8), InboundEvent.class)
                        .text())
                .isEqualTo("plain");
    }

    @Test
    void textWithoutThemIsKeptAsItIs() {
        InboundEvent event = Events.comment("c3", "¡Cuenta conmigo! 💪 \t tabs stay");

        assertThat(event.text()).isEqualTo("¡Cuenta conmigo! 💪 \t tabs stay");
    }
}
