package org.voluntree.app.account;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.voluntree.contracts.redis.RedisNames;

/**
 * Counts failed logins per e-mail and client address in Redis, so the limit holds across every
 * web node: after {@code maxFailures} failures within the window, further attempts are refused
 * until the window, which starts at the first failure, has passed.
 */
@Component
public class LoginThrottle {

    private static final String COUNT_FAILURE = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return n
            """;

    private final StatefulRedisConnection<String, byte[]> redis;
    private final LoginProperties properties;

    LoginThrottle(StatefulRedisConnection<String, byte[]> redis, LoginProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /** How long the caller must wait before trying again, or empty when they may try now. */
    public Optional<Duration> blockedFor(String email, String address) {
        String key = key(email, address);
        byte[] count = redis.sync().get(key);
        if (count == null || Long.parseLong(new String(count, StandardCharsets.US_ASCII)) < properties.maxFailures()) {
            return Optional.empty();
        }
        long ttl = redis.sync().pttl(key);
        return Optional.of(ttl > 0 ? Duration.ofMillis(ttl) : properties.failureWindow());
    }

    public void recordFailure(String email, String address) {
        redis.sync()
                .<Long>eval(
                        COUNT_FAILURE,
                        ScriptOutputType.INTEGER,
                        new String[] {key(email, address)},
                        Long.toString(properties.failureWindow().toMillis()).getBytes(StandardCharsets.US_ASCII));
    }

    public void reset(String email, String address) {
        redis.sync().del(key(email, address));
    }

    static String key(String email, String address) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(
                    (email.strip().toLowerCase(Locale.ROOT) + "|" + address).getBytes(StandardCharsets.UTF_8));
            return RedisNames.loginFailures(HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
