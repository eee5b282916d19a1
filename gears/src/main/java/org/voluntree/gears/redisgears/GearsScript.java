package org.voluntree.gears.redisgears;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.voluntree.gears.engine.redisai.JedisSettings;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * The RedisGears 1.x script that classifies {@code s:comments} inside Redis, and its
 * registration with {@code RG.PYEXECUTE <script> ID voluntree-gear UPGRADE} (registering again
 * replaces the earlier registration instead of adding a second reader).
 */
public final class GearsScript {

    /** The RedisGears session id of the script. */
    public static final String ID = "voluntree-gear";

    private static final String RESOURCE = "/redisgears/voluntree_gear.py";
    private static final ProtocolCommand PYEXECUTE = () -> "RG.PYEXECUTE".getBytes(StandardCharsets.US_ASCII);

    private GearsScript() {}

    /** The script as shipped in this jar. */
    public static String packaged() {
        try (InputStream in = GearsScript.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the gears jar; rebuild with mvn package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Sends the script to a Redis with RedisGears; throws with RedisGears' own error text when it refuses it. */
    public static void register(String redisUrl, String script) {
        try (Jedis jedis = JedisSettings.of(redisUrl, Duration.ofSeconds(30)).connect()) {
            Object reply = jedis.sendCommand(PYEXECUTE, script, "ID", ID, "UPGRADE");
            // RedisGears answers OK, or [[results], [errors]] when the script failed while running
            if (reply instanceof List<?> parts
                    && parts.size() == 2
                    && parts.get(1) instanceof List<?> errors
                    && !errors.isEmpty()) {
                throw new IllegalStateException("RedisGears refused the script: " + text(errors.get(0)));
            }
        }
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
    }
}
