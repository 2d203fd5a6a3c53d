package dev.restlab.check;

/**
 * An answer that is not what the matched stage answers but goes further than it: credit, not a
 * difference. E.g. In [7] ignores {@code ?name=}; a server that kept In [6]'s filter answers it.
 *
 * @param says what the server did, in words, e.g. {@code ?name= still filters, as in In [6]}
 */
public record Further(Expectation expect, String says) {
}
