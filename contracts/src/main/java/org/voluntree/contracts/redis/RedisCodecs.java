package org.voluntree.contracts.redis;

import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

/** The Lettuce codecs Voluntree uses: string keys with binary values, so stream fields stay compact. */
public final class RedisCodecs {

    /** UTF-8 keys and field names, raw byte values. */
    public static final RedisCodec<String, byte[]> STRING_BYTES =
            RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private RedisCodecs() {}
}
