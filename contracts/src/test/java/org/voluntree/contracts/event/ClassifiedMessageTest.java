package org.voluntree.contracts.event;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.voluntree.contracts.event.ClassifiedMessage.Classification;

class ClassifiedMessageTest {

    private final InboundEvent event = Events.comment("c1", "is my donation tax deductible?");
    private final ClassifiedMessage message = new ClassifiedMessage(
            event,
            Map.of(
                    "intent", new Classification(2, "donation", new float[] {0.1f, 0.7f, 0.2f}),
                    "offense", new Classification(1, "neither", new float[] {0.05f, 0.05f, 0.9f})));

    @Test
    void writesTheDocumentedStreamFields() {
        Map<String, byte[]> fields = message.toFields();

        assertThat(fields)
                .containsOnlyKeys("event", "v:intent", "l:intent", "p:intent", "v:offense", "l:offense", "p:offense");
        assertThat(new String(fields.get("v:intent"), UTF_8)).isEqualTo("2");
        assertThat(new String(fields.get("l:intent"), UTF_8)).isEqualTo("donation");
        assertThat(fields.get("p:intent")).isEqualTo(BinaryArrays.packFloats(new float[] {0.1f, 0.7f, 0.2f}));
    }

    @Test
    void roundTripsThroughStreamFields() {
        ClassifiedMessage back = ClassifiedMessage.fromFields(message.toFields());

        assertThat(back.event()).isEqualTo(event);
        assertThat(back.classifications()).containsOnlyKeys("intent", "offense");
        Classification intent = back.classifications().get("intent");
        assertThat(intent.version()).isEqualTo(2);
        assertThat(intent.label()).isEqualTo("donation");
        assertThat(intent.scores()).containsExactly(0.1f, 0.7f, 0.2f);
        assertThat(intent.score()).isEqualTo(0.7f);
        assertThat(back.classifications().get("offense").label()).isEqualTo("neither");
    }

    @Test
    void refusesAMissingLabel() {
        Map<String, byte[]> fields = new LinkedHashMap<>(message.toFields());
        fields.remove("l:intent");

        assertThatThrownBy(() -> ClassifiedMessage.fromFields(fields))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("'l:intent' is missing");
    }

    @Test
    void refusesScoresThatAreNotFloat32s() {
        Map<String, byte[]> fields = new LinkedHashMap<>(message.toFields());
        fields.put("p:offense", new byte[6]);

        assertThatThrownBy(() -> ClassifiedMessage.fromFields(fields))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("scores of offense");
    }

    @Test
    void refusesABrokenEvent() {
        Map<String, byte[]> fields = new LinkedHashMap<>(message.toFields());
        fields.put("event", "{".getBytes(UTF_8));

        assertThatThrownBy(() -> ClassifiedMessage.fromFields(fields))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("event");
    }
}
