package org.voluntree.gears.engine.redisai;

import java.nio.charset.StandardCharsets;
import org.voluntree.contracts.model.ModelManifest;

/** The argument lists of the AI.* commands, built apart from sending them so that they can be checked. */
final class RedisAiArgs {

    private RedisAiArgs() {}

    /** {@code key TF CPU TAG sha INPUTS 1 in OUTPUTS 1 out BLOB graph} (RedisAI 1.2 syntax, counts included). */
    static byte[][] modelStore(String key, ModelManifest manifest, byte[] graph) {
        return new byte[][] {
            utf8(key),
            utf8("TF"),
            utf8("CPU"),
            utf8("TAG"),
            utf8(manifest.graphSha256()),
            utf8("INPUTS"),
            utf8("1"),
            utf8(manifest.input().name()),
            utf8("OUTPUTS"),
            utf8("1"),
            utf8(manifest.output().name()),
            utf8("BLOB"),
            graph
        };
    }

    /** {@code key INT32 rows width BLOB ids}. */
    static byte[][] tensorSet(String key, int rows, int width, byte[] blob) {
        return new byte[][] {
            utf8(key), utf8("INT32"), utf8(Integer.toString(rows)), utf8(Integer.toString(width)), utf8("BLOB"), blob
        };
    }

    /** {@code model INPUTS 1 in OUTPUTS 1 out TIMEOUT ms}. */
    static byte[][] modelExecute(String model, String input, String output, long timeoutMillis) {
        return new byte[][] {
            utf8(model),
            utf8("INPUTS"),
            utf8("1"),
            utf8(input),
            utf8("OUTPUTS"),
            utf8("1"),
            utf8(output),
            utf8("TIMEOUT"),
            utf8(Long.toString(timeoutMillis))
        };
    }

    /** {@code key META BLOB}: dtype and shape to check, and the data. */
    static byte[][] tensorGet(String key) {
        return new byte[][] {utf8(key), utf8("META"), utf8("BLOB")};
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
