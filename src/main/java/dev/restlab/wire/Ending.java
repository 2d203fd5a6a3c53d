package dev.restlab.wire;

/**
 * How an exchange ended: with a whole answer, or without one and why. A request that got no
 * answer at all (the server reset or closed the connection, or the client gave up first) is
 * recorded too, so that a fault shows in the conversation: its response is a stand-in with status
 * 0 and no head, the shape HAR files give a request that got no answer.
 */
public enum Ending {
    /** The whole answer arrived. */
    ANSWERED(true, ""),
    /** The server reset the connection (TCP RST) before any of its answer: curl exits 56. */
    RESET_BY_SERVER(false, "connection reset by the server before any answer"),
    /** The server closed the connection before any of its answer (its idle timeout, a hang, a stop). */
    CLOSED_BY_SERVER(false, "the server closed the connection before any answer"),
    /** The client closed the connection before any answer came (curl --max-time, a browser's stop). */
    CLIENT_GAVE_UP(false, "the client gave up and closed the connection before any answer"),
    /** The answer began, then the server closed the connection inside its body: curl exits 18. */
    CLOSED_MID_BODY(true, "the server closed the connection in the middle of the answer's body"),
    /** The answer began, then the client closed the connection before its end (curl --max-time on a slow body). */
    CLIENT_GAVE_UP_MID_BODY(true, "the client gave up and closed the connection in the middle of the answer's body"),
    /** No answer, for a reason nobody recorded (a HAR file's entry with status 0). */
    NO_ANSWER(false, "no answer came");

    private final boolean answerBegan;
    private final String description;

    Ending(boolean answerBegan, String description) {
        this.answerBegan = answerBegan;
        this.description = description;
    }

    /** True when some of the answer (at least its status line) reached the client. */
    public boolean answerBegan() {
        return answerBegan;
    }

    /** True when the whole answer arrived. */
    public boolean whole() {
        return this == ANSWERED;
    }

    /** Why no whole answer came, in words that fit after "no answer: "; empty for {@link #ANSWERED}. */
    public String description() {
        return description;
    }

    /**
     * One sentence for a log or a report, e.g. {@code No answer: connection reset by the server
     * before any answer.} or {@code Answer cut short: the server closed the connection in the middle
     * of the answer's body.}; empty for {@link #ANSWERED}.
     */
    public String sentence() {
        if (this == ANSWERED) {
            return "";
        }
        return (answerBegan ? "Answer cut short: " : "No answer: ") + description + ".";
    }

    /** The ending a text written by {@link #description()} names, or {@link #NO_ANSWER} for any other. */
    public static Ending described(String text) {
        for (Ending ending : values()) {
            if (ending != ANSWERED && ending.description.equals(text)) {
                return ending;
            }
        }
        return NO_ANSWER;
    }
}
