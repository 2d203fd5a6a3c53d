package dev.restlab.har;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.sstoehr.harreader.HarReaderMode;
import de.sstoehr.harreader.jackson.DefaultMapperFactory;
import de.sstoehr.harreader.jackson.MapperFactory;
import de.sstoehr.harreader.model.HarPostData;
import de.sstoehr.harreader.model.HarPostDataParam;
import de.sstoehr.harreader.model.HarRequest;
import de.sstoehr.harreader.model.HarTiming;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * har-reader's own Jackson set-up, with two corrections for writing: a request without a body has
 * no {@code postData} (har-reader's model always has one, which would be written as an object
 * without the {@code mimeType} HAR requires), and {@code postData} has no empty {@code params}
 * beside its {@code text} (HAR says the two exclude each other). Output is indented, as browsers
 * write it, so that a teacher can read it.
 *
 * <p>For reading, one addition: har-reader keeps timings as whole milliseconds and would cut
 * a browser's {@code 0.85} to 0, so {@link ExactTimings} rounds them instead and keeps the exact
 * value in microseconds in the custom fields RestLab itself writes ({@code _sendMicros}, …).
 */
final class HarMapper implements MapperFactory {

    private final DefaultMapperFactory defaults = new DefaultMapperFactory();

    @Override
    public ObjectMapper instance(HarReaderMode mode) {
        return corrected(defaults.instance(mode));
    }

    @Override
    public ObjectMapper instance() {
        return corrected(defaults.instance());
    }

    private static ObjectMapper corrected(ObjectMapper mapper) {
        return mapper.rebuild()
                .addMixIn(HarRequest.class, RequestMixIn.class)
                .addMixIn(HarPostData.class, PostDataMixIn.class)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .addModule(new SimpleModule("restlab-har").addDeserializer(HarTiming.class, new ExactTimings()))
                .build();
    }

    /** The custom field that holds a phase's exact time, e.g. {@code _waitMicros} for {@code wait}. */
    static String microsField(String phase) {
        return "_" + phase + "Micros";
    }

    /** Reads {@code timings} keeping fractions of a millisecond (browsers write them). */
    static final class ExactTimings extends ValueDeserializer<HarTiming> {
        @Override
        public HarTiming deserialize(JsonParser parser, DeserializationContext context) {
            Map<?, ?> raw = context.readValue(parser, Map.class);
            Map<String, Object> additional = new HashMap<>();
            raw.forEach((key, value) -> {
                if (key instanceof String name && name.startsWith("_")) {
                    additional.put(name, value);
                }
            });
            for (String phase : new String[] {"blocked", "dns", "connect", "send", "wait", "receive"}) {
                if (raw.get(phase) instanceof Number millis && millis.doubleValue() >= 0) {
                    additional.putIfAbsent(microsField(phase), Math.round(millis.doubleValue() * 1000));
                }
            }
            return HarTiming.builder()
                    .blocked(millis(raw, "blocked")).dns(millis(raw, "dns")).connect(millis(raw, "connect"))
                    .send(millis(raw, "send")).waitTime(millis(raw, "wait")).receive(millis(raw, "receive"))
                    .ssl(millis(raw, "ssl"))
                    .comment(raw.get("comment") instanceof String comment ? comment : null)
                    .additional(additional)
                    .build();
        }

        private static Long millis(Map<?, ?> raw, String phase) {
            return raw.get(phase) instanceof Number millis ? Math.round(millis.doubleValue()) : null;
        }
    }

    /** Leaves out a {@code postData} that holds nothing. */
    private abstract static class RequestMixIn {
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = EmptyPostData.class)
        abstract HarPostData postData();
    }

    private abstract static class PostDataMixIn {
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract List<HarPostDataParam> params();
    }

    /** Jackson's value filter: {@code equals} answers true for what is to be left out. */
    static final class EmptyPostData {
        @Override
        public boolean equals(Object other) {
            return other instanceof HarPostData data && data.mimeType() == null && data.text() == null
                    && data.params().isEmpty();
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
