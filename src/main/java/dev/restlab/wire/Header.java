package dev.restlab.wire;

import java.util.Objects;

/** One header line as it crossed the wire: the name spelled as sent, the value without the spaces around it. */
public record Header(String name, String value) {

    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** The line as curl prints it, without the line end: {@code Name: value}. */
    @Override
    public String toString() {
        return name + ": " + value;
    }
}
