package org.voluntree.app.conversation;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import org.voluntree.contracts.redis.RedisNames;

/**
 * The 6-digit codes mailed to volunteers to check their e-mail address. A code is an HMAC of the request (the
 * key of its mail, one per message that asked for it) under the installation's random key in Redis
 * ({@link RedisNames#PIN_CODE_KEY}, made by whichever node needs it first): unpredictable without the key, and
 * the same when a request is handled again (a worker died after queueing the mail, before acknowledging the
 * job), so the dialog expects the code that was mailed rather than a new one whose mail the sender skips as a
 * duplicate.
 */
@Component
class PinCodes {

    private static final int KEY_BYTES = 32;
    private static final String HMAC = "HmacSHA256";

    private final StatefulRedisConnection<String, byte[]> redis;
    private final SecureRandom random = new SecureRandom();

    PinCodes(StatefulRedisConnection<String, byte[]> redis) {
        this.redis = redis;
    }

    /** The code of the request whose mail has this key: six digits, leading zeros kept. */
    String codeFor(String mailKey) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key(), HMAC));
            long drawn = ByteBuffer.wrap(mac.doFinal(mailKey.getBytes(StandardCharsets.UTF_8)))
                    .getLong();
            // 2^64 is not a multiple of 10^6: the first codes are more likely by under 10^-13, which does not matter
            return String.format(Locale.ROOT, "%06d", Math.floorMod(drawn, 1_000_000L));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Read each time, not kept: every node derives with the key Redis holds now. */
    private byte[] key() {
        byte[] known = redis.sync().get(RedisNames.PIN_CODE_KEY);
        if (known == null) {
            byte[] made = new byte[KEY_BYTES];
            random.nextBytes(made);
            // the first node to need it makes it; every node then reads that one
            redis.sync().set(RedisNames.PIN_CODE_KEY, made, SetArgs.Builder.nx());
            known = redis.sync().get(RedisNames.PIN_CODE_KEY);
        }
        if (known == null || known.length != KEY_BYTES) {
            throw new IllegalStateException("Redis holds no usable key for the PIN codes; try again");
        }
        return known;
    }
}
