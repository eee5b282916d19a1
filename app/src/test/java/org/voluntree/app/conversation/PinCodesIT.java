package org.voluntree.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.api.StatefulRedisConnection;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voluntree.contracts.redis.RedisCodecs;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.testing.TestRedis;

/** The codes mailed to volunteers, against a real Redis holding the installation's key. */
class PinCodesIT {

    StatefulRedisConnection<String, byte[]> redis;

    @BeforeEach
    void setUp() {
        TestRedis.flush();
        redis = TestRedis.client().connect(RedisCodecs.STRING_BYTES);
    }

    @AfterEach
    void tearDown() {
        redis.close();
    }

    @Test
    void aRequestHandledAgainOnAnyNodeGetsTheSameCode() {
        String code = new PinCodes(redis).codeFor("pin:m_1");

        assertThat(code).matches("\\d{6}");
        assertThat(new PinCodes(redis).codeFor("pin:m_1")).as("another node").isEqualTo(code);
        assertThat(redis.sync().get(RedisNames.PIN_CODE_KEY))
                .as("made once, random")
                .hasSize(32);
    }

    @Test
    void differentRequestsGetCodesThatDoNotRepeatOrFollowFromTheRequest() {
        PinCodes codes = new PinCodes(redis);
        Set<String> drawn = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            drawn.add(codes.codeFor("pin:m_" + i));
        }
        // 1,000 draws from a million repeat a code about once (birthday bound); a constant or a counter would not
        assertThat(drawn).hasSizeGreaterThan(990);
        assertThat(drawn).allMatch(c -> c.matches("\\d{6}"));
    }

    @Test
    void anotherInstallationsKeyGivesOtherCodes() {
        String here = new PinCodes(redis).codeFor("pin:m_1");

        Set<String> elsewhere = new HashSet<>();
        for (int installation = 0; installation < 5; installation++) {
            TestRedis.flush();
            elsewhere.add(new PinCodes(redis).codeFor("pin:m_1"));
        }

        // the request alone does not give the code away: five other keys, five codes, not all this one
        assertThat(elsewhere).hasSizeGreaterThan(1).isNotEqualTo(Set.of(here));
    }
}
