package org.voluntree.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OrganisationEventRelayTest {

    @Test
    void anEventNamingRecipientsGoesOnlyToThem() {
        assertThat(OrganisationEventRelay.recipients(bytes("{\"type\":\"chat.message\",\"recipientAdminIds\":[3,5]}")))
                .containsExactlyInAnyOrder(3L, 5L);
    }

    @Test
    void anEventWithoutRecipientsOrNotJsonGoesToTheWholeOrganisation() {
        assertThat(OrganisationEventRelay.recipients(bytes("{\"type\":\"message.classified\"}")))
                .isNull();
        assertThat(OrganisationEventRelay.recipients(bytes("not json"))).isNull();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
