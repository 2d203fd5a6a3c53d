package dev.restlab.har;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.sstoehr.harreader.HarReaderMode;
import de.sstoehr.harreader.jackson.DefaultMapperFactory;
import de.sstoehr.harreader.jackson.MapperFactory;
import de.sstoehr.harreader.model.HarPostData;
import de.sstoehr.harreader.model.HarPostDataParam;
import de.sstoehr.harreader.model.HarRequest;
import java.util.List;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * har-reader's own Jackson set-up, with two corrections for writing: a request without a body has
 * no {@code postData} (har-reader's model always has one, which would be written as an object
 * without the {@code mimeType} HAR requires), and {@code postData} has no empty {@code params}
 * beside its {@code text} (HAR says the two exclude each other). Output is indented, as browsers
 * write it, so that a teacher can read it.
 *
 * <p>Reading does not come here: {@link HarImport} streams a file itself, to bound it and to accept
 * every field HAR 1.2 leaves optional.
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
                .build();
    }

    /** The custom field that holds a phase's exact time, e.g. {@code _waitMicros} for {@code wait}. */
    static String microsField(String phase) {
        return "_" + phase + "Micros";
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
