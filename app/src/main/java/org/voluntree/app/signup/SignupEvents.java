package org.voluntree.app.signup;

import io.lettuce.core.api.StatefulRedisConnection;
import org.springframework.stereotype.Component;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.redis.RedisNames;

/** Publishes {@link SignupChanged} on the organisation's channel, for every web node to relay. */
@Component
public class SignupEvents {

    private final StatefulRedisConnection<String, byte[]> redis;

    SignupEvents(StatefulRedisConnection<String, byte[]> redis) {
        this.redis = redis;
    }

    public void changed(long organisationId, long signupId) {
        redis.async()
                .publish(
                        RedisNames.orgEvents(organisationId),
                        Json.write(new SignupChanged(SignupChanged.TYPE, organisationId, signupId)));
    }
}
