package dev.restlab.check;

/**
 * One way the checked server's answer differs from what was expected.
 *
 * @param what     {@code status}, {@code content type} or {@code body}
 * @param here     what the checked server did
 * @param expected what was expected
 * @param by       who answers as expected, e.g. {@code In [7] answers} or {@code a careful server answers}
 */
public record Difference(String what, String here, String expected, String by) {

    /** E.g. {@code status: 201 CREATED here; In [7] answers 400}. */
    public String sentence() {
        return what + ": " + here + " here; " + by + " " + expected;
    }
}
