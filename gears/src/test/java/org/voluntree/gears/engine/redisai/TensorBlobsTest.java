package org.voluntree.gears.engine.redisai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TensorBlobsTest {

    @Test
    void packsIdsRowMajorAsLittleEndianInt32() {
        byte[] blob = TensorBlobs.int32Rows(new int[] {1, 256, 65535, -1}, 2, 2);

        assertThat(blob)
                .containsExactly(
                        0x01, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF);
    }

    @Test
    void unpacksLittleEndianFloat32IntoOneArrayPerRow() {
        byte[] blob = {
            0x00,
            0x00,
            (byte) 0x80,
            0x3F, // 1.0
            0x00,
            0x00,
            0x00,
            0x3F, // 0.5
            0x00,
            0x00,
            0x00,
            0x00, // 0.0
            0x00,
            0x00,
            (byte) 0x80,
            (byte) 0xBF
        }; // -1.0

        float[][] scores = TensorBlobs.float32Rows(blob, 2, 2);

        assertThat(scores[0]).containsExactly(1.0f, 0.5f);
        assertThat(scores[1]).containsExactly(0.0f, -1.0f);
    }

    @Test
    void refusesBlobsWhoseSizeDoesNotMatchTheShape() {
        assertThatThrownBy(() -> TensorBlobs.int32Rows(new int[5], 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 2 × 3 = 6 ids, got 5");
        assertThatThrownBy(() -> TensorBlobs.int32Rows(new int[0], 0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TensorBlobs.float32Rows(new byte[20], 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 2 × 3 float32 scores (24 bytes), got 20 bytes");
    }
}
