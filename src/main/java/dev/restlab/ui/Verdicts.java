package dev.restlab.ui;

import dev.restlab.openapi.Conformance;
import dev.restlab.wire.Exchange;

/** Which documented operation an exchange was and whether its answer conforms, for a row that shows it. */
public interface Verdicts {

    Conformance conformance(Exchange e);
}
