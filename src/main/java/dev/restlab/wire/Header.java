package dev.restlab.wire;

import java.util.List;
import java.util.Objects;

/** One header line as it crossed the wire: the name spelled as sent, the value without the spaces around it. */
public record Header(String name, String value) {

    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** The value of the first header of that name, compared without regard to case; null when none. */
    public static String first(List<Header> headers, String name) {
        if (headers instanceof HeaderBlock block) {
            return block.value(name); // without making a Header per line
        }
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return header.value();
            }
        }
        return null;
    }

    /** The capture's own header lists are immutable already and stay as compact as they are. */
    static List<Header> immutable(List<Header> headers) {
        if (headers == null) {
            return List.of();
        }
        return headers instanceof HeaderBlock ? headers : List.copyOf(headers);
    }

    /** The bytes a header list keeps, as the log counts them against its memory budget. */
    static long storedBytes(List<Header> headers) {
        if (headers instanceof HeaderBlock block) {
            return block.storedBytes();
        }
        long chars = 0;
        for (Header header : headers) {
            chars += header.name.length() + header.value.length();
        }
        return chars * 2;
    }

    /** The line as curl prints it, without the line end: {@code Name: value}. */
    @Override
    public String toString() {
        return name + ": " + value;
    }
}
