package dev.restlab.wire;

/**
 * Follows what a client sends on one connection, as bytes arrive in any slicing, and cuts it into
 * requests exactly where the server does: both frame with {@link HttpFraming}'s parser and rules.
 * Two parsers of the same stream that disagree on where a body ends (which {@code
 * Transfer-Encoding} wins, a {@code Content-Length} beside it, a chunk size with odd whitespace)
 * would let a client hide requests in a body, or make the capture see requests that never reached
 * the server; one parser cannot disagree with itself.
 *
 * <p>Where the server's parser gives up (a bad request: Jetty answers it and reads no further
 * request on that connection), this reader does too: the bytes after it belong to the refused
 * request (to its head while that was not whole), and no request follows.
 */
final class RequestReader extends CapturingReader {

    /** What the reader tells its connection. */
    interface Listener {
        /** A request began: its first byte arrived. */
        void requestStarted(Message request);

        /** A request ended where the server's parser ends it, or was refused by it. */
        void requestCompleted(Message request);
    }

    private final Listener listener;
    /** A request refused while its head was incomplete: later bytes still belong to its head. */
    private Message refused;

    RequestReader(Listener listener) {
        super(true);
        this.listener = listener;
    }

    /**
     * Lets the request this connection is reading now (or, when none, the last one read) be the
     * last: the server answered it saying it closes the connection, so nothing after is parsed.
     * A request begun after it is abandoned.
     */
    void endAfter(Message request) {
        if (current == request) {
            framer.endAfterCurrent();
        } else {
            current = null;
            framer.endNow();
        }
    }

    @Override
    Message refusedMessage() {
        return current != null ? current : refused;
    }

    @Override
    public void started() {
        current = new Message(nanos);
        listener.requestStarted(current);
    }

    @Override
    public boolean headComplete(MessageFramer.Head head) {
        current.headComplete = true;
        current.parseHead(true);
        if (head.contentLength() > 0) {
            current.body.expect(head.contentLength()); // copied once, not grown
        }
        return true;
    }

    @Override
    public void ended(boolean interim) {
        listener.requestCompleted(complete());
    }

    @Override
    public void refused(int status, String reason) {
        refused = current.headComplete ? null : current;
        listener.requestCompleted(complete());
    }
}
