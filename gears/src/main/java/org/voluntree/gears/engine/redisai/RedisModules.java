package org.voluntree.gears.engine.redisai;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * What {@code MODULE LIST} says a Redis server has loaded: module name to version
 * ({@code ai} is RedisAI, {@code rg} RedisGears). Versions are the modules' own integers,
 * e.g. {@code 10205} for 1.2.5.
 */
public record RedisModules(Map<String, Long> versions) {

    public static final String REDISAI = "ai";
    public static final String REDISGEARS = "rg";

    public RedisModules {
        versions = Collections.unmodifiableMap(new TreeMap<>(versions));
    }

    public boolean has(String module) {
        return versions.containsKey(module);
    }

    /** {@code ai 1.2.5, rg 1.2.6}, or {@code none}. */
    public String describe() {
        if (versions.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        versions.forEach((name, version) ->
                text.append(text.isEmpty() ? "" : ", ").append(name).append(' ').append(version(version)));
        return text.toString();
    }

    static String version(long encoded) {
        return (encoded / 10000) + "." + (encoded / 100 % 100) + "." + (encoded % 100);
    }

    /**
     * Reads a {@code MODULE LIST} reply: one array per module of alternating names and values
     * ({@code name}, {@code ver}, and on Redis 7 also {@code path}, {@code args}).
     */
    static RedisModules parse(Object reply) {
        if (!(reply instanceof List<?> modules)) {
            throw new IllegalStateException("MODULE LIST did not answer with an array");
        }
        Map<String, Long> versions = new TreeMap<>();
        for (Object module : modules) {
            Map<String, Object> fields = RedisAiReplies.pairs(module);
            String name = RedisAiReplies.text(fields.get("name"));
            Object version = fields.get("ver");
            versions.put(name, version == null ? 0L : RedisAiReplies.number(version));
        }
        return new RedisModules(versions);
    }

    /** Asks a Redis server which modules it has. Never throws: an unreachable server is a probe result too. */
    public static Probe probe(String redisUrl, Duration timeout) {
        String where = redacted(redisUrl);
        JedisSettings settings;
        try {
            settings = JedisSettings.of(redisUrl, timeout);
        } catch (IllegalArgumentException e) {
            return new Probe(where, null, e.getMessage());
        }
        try (Jedis jedis = new Jedis(settings.address(), settings.config())) {
            return new Probe(where, parse(jedis.sendCommand(RedisAiCommand.MODULE, "LIST")), null);
        } catch (JedisConnectionException e) {
            return new Probe(where, null, "Redis at " + where + " is unreachable (" + e.getMessage() + ")");
        } catch (JedisDataException e) {
            // e.g. a managed Redis that renames or forbids MODULE: it cannot have loaded modules we can use either
            return new Probe(where, null, "Redis at " + where + " refused MODULE LIST (" + e.getMessage() + ")");
        } catch (JedisException | IllegalStateException e) {
            return new Probe(where, null, "could not ask " + where + " for its modules (" + e.getMessage() + ")");
        }
    }

    /** A Redis URL without its password, for logs and messages. */
    public static String redacted(String redisUrl) {
        return redisUrl == null ? "" : redisUrl.replaceAll("//[^@/]*@", "//***@");
    }

    /**
     * The answer of one {@link #probe}: the modules, or why they could not be listed.
     *
     * @param redis the server, password removed
     * @param modules what it has loaded, or null when it could not be asked
     * @param failure why it could not be asked, or null
     */
    public record Probe(String redis, RedisModules modules, String failure) {

        public boolean has(String module) {
            return modules != null && modules.has(module);
        }

        /** Why a module is missing, in words for a log line or an error message; null when it is there. */
        public String whyMissing(String module, String product) {
            if (has(module)) {
                return null;
            }
            if (modules == null) {
                return failure;
            }
            return "MODULE LIST on " + redis + " shows no '" + module + "' module (" + product + "); modules loaded: "
                    + modules.describe();
        }
    }
}
