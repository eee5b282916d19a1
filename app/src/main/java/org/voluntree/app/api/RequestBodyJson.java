package org.voluntree.app.api;

import com.fasterxml.jackson.annotation.Nulls;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * How the API reads request bodies, with the mapper Spring MVC reads them with: a text containing
 * U+0000 (which PostgreSQL cannot store in text or jsonb) and a null inside a list or map are refused
 * with the path of the value, so that {@link ApiErrors} answers 400 naming the field before anything
 * is saved. Facebook's webhook deliveries are not read with this mapper: the webhook and the pipeline
 * use {@code contracts}' {@code Json}, and drop U+0000 from a comment instead of refusing it.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyJson {

    static final String NUL_REASON = "contains a NUL character (\\u0000), which cannot be stored; remove it";

    @Bean
    JsonMapperBuilderCustomizer refuseNulAndNullsInLists() {
        SimpleModule module = new SimpleModule("voluntree-request-bodies")
                .addDeserializer(String.class, new NulRefusingStringDeserializer())
                .addKeyDeserializer(String.class, new NulRefusingKeyDeserializer());
        // a null in a list or map (slots: [null]) stands for nothing the API could take; refused where
        // Jackson meets it, the path names it (slots[0]) instead of a controller failing on it later
        return builder ->
                builder.addModule(module).changeDefaultNullHandling(nulls -> nulls.withContentNulls(Nulls.FAIL));
    }

    /** Any text value: Jackson's own reading, then the NUL check. */
    static final class NulRefusingStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf(0) >= 0) {
                throw RefusedValueException.because(parser, NUL_REASON);
            }
            return value;
        }
    }

    /** The keys of a map ({@code facts}): the path ends at the map, so the reason says it is a key. */
    static final class NulRefusingKeyDeserializer extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            if (key.indexOf(0) >= 0) {
                throw RefusedValueException.because(context.getParser(), "has a key that " + NUL_REASON);
            }
            return key;
        }
    }
}
