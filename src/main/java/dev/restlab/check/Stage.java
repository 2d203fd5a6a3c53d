package dev.restlab.check;

/**
 * One stage of the program a scenario grades: for the handout, one of its listings, In [3] to
 * In [7], in the order the handout builds them; the last is the program the handout ends with.
 *
 * @param id    the key a case's {@code expect} uses, e.g. {@code in7}
 * @param title how a report names it, e.g. {@code In [7]}
 * @param adds  what this stage brings, e.g. {@code UUIDs, /{id} and DELETE}
 * @param note  said when a server matches this stage, e.g. that {@code ?name=} is not in it; or empty
 */
public record Stage(String id, String title, String adds, String note) {
}
