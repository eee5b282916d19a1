package org.voluntree.gears.engine.redisai;

import org.voluntree.contracts.event.BinaryArrays;

/**
 * The bytes RedisAI's {@code BLOB} arguments and replies carry: row-major, little-endian,
 * int32 feature ids in and float32 scores out (RedisAI stores tensors in host order, which is
 * little-endian on every platform it ships for).
 */
public final class TensorBlobs {

    private TensorBlobs() {}

    /** The {@code rows × width} int32 input tensor as a BLOB. */
    public static byte[] int32Rows(int[] ids, int rows, int width) {
        if (rows < 1 || width < 1) {
            throw new IllegalArgumentException(
                    "a tensor needs at least one row and one column, was " + rows + " × " + width);
        }
        if (ids.length != rows * width) {
            throw new IllegalArgumentException(
                    "expected " + rows + " × " + width + " = " + rows * width + " ids, got " + ids.length);
        }
        return BinaryArrays.packInts(ids);
    }

    /** A {@code rows × labels} float32 output BLOB as scores per row. */
    public static float[][] float32Rows(byte[] blob, int rows, int labels) {
        if (blob.length != rows * labels * Float.BYTES) {
            throw new IllegalArgumentException("expected " + rows + " × " + labels + " float32 scores ("
                    + rows * labels * Float.BYTES + " bytes), got " + blob.length + " bytes");
        }
        float[] flat = BinaryArrays.unpackFloats(blob);
        float[][] scores = new float[rows][labels];
        for (int row = 0; row < rows; row++) {
            System.arraycopy(flat, row * labels, scores[row], 0, labels);
        }
        return scores;
    }
}
