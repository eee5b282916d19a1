package org.voluntree.gears.engine.redisai;

import java.nio.charset.StandardCharsets;
import redis.clients.jedis.commands.ProtocolCommand;

/** The module commands Jedis does not know; sent with {@code sendCommand}. */
enum RedisAiCommand implements ProtocolCommand {
    MODELSTORE("AI.MODELSTORE"),
    MODELGET("AI.MODELGET"),
    MODELEXECUTE("AI.MODELEXECUTE"),
    TENSORSET("AI.TENSORSET"),
    TENSORGET("AI.TENSORGET"),
    MODULE("MODULE"),
    PYEXECUTE("RG.PYEXECUTE");

    private final byte[] raw;

    RedisAiCommand(String name) {
        this.raw = name.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public byte[] getRaw() {
        return raw;
    }
}
