package org.voluntree.contracts.event;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.voluntree.contracts.event.FeaturisedMessage.Features;

class FeaturisedMessageTest {

    private final InboundEvent event = Events.comment("c1", "count me in!");
    private final FeaturisedMessage message = new FeaturisedMessage(
            event,
            Map.of(
                    "intent", new Features(3, new int[] {5, 9, 0, 0}),
                    "sentiment", new Features(1, new int[] {7, 0})));

    @Test
    void writesTheDocumentedStreamFields() {
        Map<String, byte[]> fields = message.toFields();

        assertThat(fields).containsOnlyKeys("event", "v:intent", "f:intent", "v:sentiment", "f:sentiment");
        assertThat(new String(fields.get("v:intent"), UTF_8)).isEqualTo("3");
        assertThat(fields.get("f:intent")).isEqualTo(BinaryArrays.packInts(new int[] {5, 9, 0, 0}));
        assertThat(Json.read(fields.get("event"), InboundEvent.class)).isEqualTo(event);
    }

    @Test
    void roundTripsThroughStreamFields() {
        FeaturisedMessage back = FeaturisedMessage.fromFields(message.toFields());

        assertThat(back.event()).isEqualTo(event);
        assertThat(back.features()).containsOnlyKeys("intent", "sentiment");
        assertThat(back.features().get("intent").version()).isEqualTo(3);
        assertThat(back.features().get("intent").ids()).containsExactly(5, 9, 0, 0);
        assertThat(back.features().get("sentiment").version()).isEqualTo(1);
        assertThat(back.features().get("sentiment").ids()).containsExactly(7, 0);
    }

    @Test
    void anEventWithoutFeaturesRoundTrips() {
        FeaturisedMessage bare = new FeaturisedMessage(Events.comment("c2", null), Map.of());

        assertThat(bare.toFields()).containsOnlyKeys("event");
        assertThat(FeaturisedMessage.fromFields(bare.toFields()).features()).isEmpty();
    }

    @Test
    void refusesAMissingEvent() {
        Map<String, byte[]> fields = fields();
        fields.remove("event");

        assertThatThrownBy(() -> FeaturisedMessage.fromFields(fields))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("'event' is missing");
    }

    @Test
    void refusesAnEventThatIsNotAnEventRecord() {
        Map<String, byte[]> notJson = fields();
        notJson.put("event", "not json".getBytes(UTF_8));
        Map<String, byte[]> noKey = fields();
        noKey.put("event", "{\"kind\":\"COMMENT\"}".getBytes(UTF_8));

        assertThatThrownBy(() -> FeaturisedMessage.fromFields(notJson))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("not a valid event record");
        assertThatThrownBy(() -> FeaturisedMessage.fromFields(noKey))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("not a valid event record");
    }

    @Test
    void refusesAVersionWithoutFeatures() {
        Map<String, byte[]> fields = fields();
        fields.remove("f:intent");

        assertThatThrownBy(() -> FeaturisedMessage.fromFields(fields))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("'f:intent' is missing");
    }

    @Test
    void refusesFeaturesThatAreNotInt32s() {
        Map<String, byte[]> fields = fields();
        fields.put("f:intent", new byte[5]);

        assertThatThrownBy(() -> FeaturisedMessage.fromFields(fields))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("features of intent")
                .hasMessageContaining("5 bytes");
    }

    @Test
    void refusesAVersionThatIsNotANumber() {
        Map<String, byte[]> fields = fields();
        fields.put("v:intent", "three".getBytes(UTF_8));

        assertThatThrownBy(() -> FeaturisedMessage.fromFields(fields))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("version of intent");
    }

    private Map<String, byte[]> fields() {
        return new LinkedHashMap<>(message.toFields());
    }
}
