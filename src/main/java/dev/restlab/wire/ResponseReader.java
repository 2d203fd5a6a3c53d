package dev.restlab.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Follows what the server writes on one connection, as bytes arrive in any slicing, and cuts it
 * into answers with {@link HttpFraming}'s parser: the head, then the body de-chunked, framed by
 * {@code Content-Length}, by chunks or by the end of the connection. Interim answers ({@code 1xx})
 * before the final one are kept with it, the first {@link HttpFraming.Rules#interimKept()} of them
 * whole and the rest counted: a server that sends them without end costs a few objects, not one
 * per answer. Bytes after an answer the parser refuses stay with that answer, counted.
 */
final class ResponseReader extends CapturingReader {

    /** What the reader tells its connection. */
    interface Listener {
        void responseStarted(Message response);

        void responseCompleted(Message response);

        /** The method of the request an answer answers: an answer to HEAD has no body. */
        String requestMethodOf(Message response);
    }

    private final Listener listener;
    private String refusal;

    ResponseReader(Listener listener) {
        super(false);
        this.listener = listener;
    }

    /** Why the answer was refused (not HTTP, endless interim answers), or null. */
    String refusal() {
        return refusal;
    }

    @Override
    public void started() {
        current = new Message(nanos);
        listener.responseStarted(current);
    }

    @Override
    public boolean answersHead() {
        return current != null && "HEAD".equals(listener.requestMethodOf(current));
    }

    @Override
    public boolean headComplete(MessageFramer.Head head) {
        current.parseHead(false);
        if (head.interim()) {
            keepInterim();
            return true;
        }
        current.headComplete = true;
        if (head.contentLength() > 0) {
            current.body.expect(head.contentLength());
        }
        return true;
    }

    /** An interim answer: kept with the answer (or counted past the few kept); the real one follows. */
    private void keepInterim() {
        Message message = current;
        if (message.interim == null) {
            message.interim = new ArrayList<>(1);
        }
        if (message.interim.size() < HttpFraming.RULES.interimKept()) {
            message.interim.add(new Response.Interim(message.first, message.status(), message.third, message.headers));
        } else {
            message.interimNotKept++;
        }
        message.head = new CappedBytes(Message.MAX_STORED_HEAD, 512);
        message.headers = List.of();
    }

    @Override
    public void ended(boolean interim) {
        if (!interim) {
            listener.responseCompleted(complete());
        }
    }

    @Override
    public void refused(int status, String reason) {
        refusal = reason; // the answer stays open: it is recorded as it is when the connection closes
    }
}
