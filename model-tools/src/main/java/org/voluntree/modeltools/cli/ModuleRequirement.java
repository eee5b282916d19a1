package org.voluntree.modeltools.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.voluntree.gears.engine.redisai.RedisModules;

/**
 * Checks, before a command starts, that the Redis server has a module it needs, and says so
 * plainly when it has not (which Redis, what MODULE LIST shows, how to get one that has it).
 */
final class ModuleRequirement {

    static final String HOW_TO_GET_ONE = "run a Redis with RedisAI 1.2 and RedisGears 1.2, e.g. "
            + "'docker compose --profile redisai up -d redis-modules' (see docs/redisai.md), and pass --redis";

    private ModuleRequirement() {}

    /** Prints {@code error:} and {@code next:} and returns false when one of the modules is missing. */
    static boolean check(String redisUrl, PrintWriter err, String... modules) {
        RedisModules.Probe probe = RedisModules.probe(redisUrl, Duration.ofSeconds(5));
        for (String module : modules) {
            String product = RedisModules.REDISAI.equals(module) ? "RedisAI" : "RedisGears";
            String missing = probe.whyMissing(module, product);
            if (missing != null) {
                err.println("error: " + product + " is not available on " + probe.redis() + ": " + missing);
                err.println("next: " + HOW_TO_GET_ONE);
                err.flush();
                return false;
            }
        }
        return true;
    }
}
