package org.voluntree.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BinaryArraysTest {

    @Test
    void intsRoundTrip() {
        int[] values = {0, 1, -1, 65_535, Integer.MAX_VALUE, Integer.MIN_VALUE};

        assertThat(BinaryArrays.unpackInts(BinaryArrays.packInts(values))).containsExactly(values);
        assertThat(BinaryArrays.unpackInts(BinaryArrays.packInts(new int[0]))).isEmpty();
    }

    @Test
    void floatsRoundTripBitForBit() {
        float[] values = {0f, 1.5f, -2.25f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN};

        float[] back = BinaryArrays.unpackFloats(BinaryArrays.packFloats(values));

        assertThat(back).hasSize(values.length);
        for (int i = 0; i < values.length; i++) {
            assertThat(Float.floatToRawIntBits(back[i])).isEqualTo(Float.floatToRawIntBits(values[i]));
        }
    }

    @Test
    void writesLittleEndianSoOtherLanguagesReadTheSameBytes() {
        assertThat(BinaryArrays.packInts(new int[] {1, 0x01020304})).containsExactly(1, 0, 0, 0, 4, 3, 2, 1);
        // 1.0f is 0x3F800000
        assertThat(BinaryArrays.packFloats(new float[] {1.0f})).containsExactly(0, 0, (byte) 0x80, 0x3F);
    }

    @Test
    void refusesALengthThatIsNotAMultipleOfFour() {
        assertThatThrownBy(() -> BinaryArrays.unpackInts(new byte[5]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5 bytes");
        assertThatThrownBy(() -> BinaryArrays.unpackFloats(new byte[7]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7 bytes");
    }
}
