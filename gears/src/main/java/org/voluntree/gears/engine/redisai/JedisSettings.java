package org.voluntree.gears.engine.redisai;

import java.net.URI;
import java.time.Duration;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.util.JedisURIHelper;

/** A Voluntree Redis URL ({@code redis://[user:password@]host[:port][/db]}, or {@code rediss://}) as Jedis settings. */
public record JedisSettings(HostAndPort address, JedisClientConfig config) {

    public static JedisSettings of(String redisUrl, Duration timeout) {
        URI uri;
        try {
            uri = URI.create(redisUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + RedisModules.redacted(redisUrl) + "' is not a Redis URL", e);
        }
        if (!JedisURIHelper.isValid(uri) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "'" + RedisModules.redacted(redisUrl) + "' is not a Redis URL (redis://host:port)");
        }
        int millis = Math.toIntExact(timeout.toMillis());
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis)
                .socketTimeoutMillis(millis)
                .database(JedisURIHelper.getDBIndex(uri))
                .ssl(JedisURIHelper.isRedisSSLScheme(uri));
        if (JedisURIHelper.getPassword(uri) != null) {
            config.user(JedisURIHelper.getUser(uri)).password(JedisURIHelper.getPassword(uri));
        }
        return new JedisSettings(
                new HostAndPort(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()), config.build());
    }

    /** A single connection; the caller closes it. */
    public Jedis connect() {
        return new Jedis(address, config);
    }
}
