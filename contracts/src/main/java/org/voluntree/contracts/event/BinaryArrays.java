package org.voluntree.contracts.event;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Little-endian packing of feature ids and scores, the compact form they take on the streams
 * (RedisAI's {@code AI.TENSORSET ... BLOB} and Python's {@code struct} read the same bytes).
 */
public final class BinaryArrays {

    private BinaryArrays() {}

    public static byte[] packInts(int[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asIntBuffer().put(values);
        return buffer.array();
    }

    public static int[] unpackInts(byte[] bytes) {
        if (bytes.length % Integer.BYTES != 0) {
            throw new IllegalArgumentException("int32 array of " + bytes.length + " bytes is not a multiple of 4");
        }
        int[] values = new int[bytes.length / Integer.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(values);
        return values;
    }

    public static byte[] packFloats(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    public static float[] unpackFloats(byte[] bytes) {
        if (bytes.length % Float.BYTES != 0) {
            throw new IllegalArgumentException("float32 array of " + bytes.length + " bytes is not a multiple of 4");
        }
        float[] values = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }
}
