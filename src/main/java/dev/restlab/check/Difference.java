package dev.restlab.check;

/**
 * One way the checked server's answer differs from RestLab's.
 *
 * @param what      {@code status}, {@code content type}, {@code body} or {@code answer}
 * @param target    what the checked server did
 * @param reference what RestLab's own API did
 */
public record Difference(String what, String target, String reference) {

    /** E.g. {@code status: 200 OK here, RestLab 201 Created}. */
    public String sentence() {
        return what + ": " + target + " here, RestLab " + reference;
    }
}
