package dev.restlab.har;

import de.sstoehr.harreader.HarWriter;
import de.sstoehr.harreader.HarWriterException;
import de.sstoehr.harreader.model.Har;
import de.sstoehr.harreader.model.HarCache;
import de.sstoehr.harreader.model.HarContent;
import de.sstoehr.harreader.model.HarCreatorBrowser;
import de.sstoehr.harreader.model.HarEntry;
import de.sstoehr.harreader.model.HarHeader;
import de.sstoehr.harreader.model.HarLog;
import de.sstoehr.harreader.model.HarPostData;
import de.sstoehr.harreader.model.HarQueryParam;
import de.sstoehr.harreader.model.HarRequest;
import de.sstoehr.harreader.model.HarResponse;
import de.sstoehr.harreader.model.HarTiming;
import dev.restlab.files.SharedFile;
import dev.restlab.fault.FaultLesson;
import dev.restlab.http.Api;
import dev.restlab.http.IpAddresses;
import dev.restlab.http.PercentEncoding;
import dev.restlab.http.Query;
import dev.restlab.http.RequestTarget;
import dev.restlab.http.Utf8;
import dev.restlab.wire.Body;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.Header;
import dev.restlab.wire.Request;
import dev.restlab.wire.Response;
import dev.restlab.wire.Timings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Writes exchanges as a HAR 1.2 file (the HTTP Archive format browsers' developer tools read and
 * write), one entry per exchange, in {@code startedDateTime} order (the order HAR prefers; a
 * busy server's exchanges finish in another order than they start).
 *
 * <p>What the capture knows maps onto HAR like this: {@code send}, {@code wait} and
 * {@code receive} are the exchange's phases; {@code connect} is given only for a connection's
 * first exchange and is the time from the server's accept to the request's first byte (the
 * handshake itself happens before the accept, out of the server's sight), and then
 * {@code startedDateTime} is the accept; {@code blocked}, {@code dns} and {@code ssl} do not
 * apply (-1). HAR's times are whole milliseconds here and a loopback exchange takes microseconds,
 * so each timing also carries its exact value in a custom {@code _…Micros} field, which
 * {@link HarImport} prefers. Custom fields, all starting with {@code _} as HAR asks:
 * {@code _rejected} on an entry Jetty answered by itself, {@code _truncated} (with a
 * {@code comment}) on a body RestLab kept cut short, {@code _target} on a request whose target is
 * not a path, {@code _clientAddress} and {@code _clientPort} on every entry, {@code _base64} (with a
 * {@code comment}) on a request body that is not text (see {@link #postData}), {@code _fault} on
 * an entry a fault rule touched (the rule; its {@code comment} says what it did and what a good
 * client does), and on the response {@code _error} when no whole answer came, where Chrome writes
 * its network error: such a request that got no answer at all has status 0, as Chrome writes it.
 *
 * <p>{@code connection} is the client's port: HAR calls it "unique ID of the parent TCP/IP
 * connection, can be the client or server port number", and Chromium's DevTools read it as a
 * port, so RestLab's own numbering (1, 2, 3) showed there as {@code 127.0.0.1:3}. RestLab's
 * connection number is {@code _connectionId}, which DevTools shows as the connection's id and
 * {@link HarImport} prefers (a client port can be used again by a later connection).
 */
public final class HarExport {

    /** The name in {@code log.creator}. */
    public static final String CREATOR = "RestLab";

    private final String serverHost;
    private final int serverPort;

    /**
     * @param serverHost the address the server listens on (a wildcard such as 0.0.0.0 is left out
     *                   of {@code serverIPAddress})
     * @param serverPort its port
     */
    public HarExport(String serverHost, int serverPort) {
        this.serverHost = serverHost;
        this.serverPort = serverPort;
    }

    /** The HAR document of these exchanges, its entries in {@code startedDateTime} order as HAR prefers. */
    public Har har(List<Exchange> exchanges) {
        List<Exchange> byStart = new ArrayList<>(exchanges);
        byStart.sort(Comparator.comparing(HarExport::startedDateTime)); // stable: capture order among equal times
        List<HarEntry> entries = new ArrayList<>(byStart.size());
        for (Exchange exchange : byStart) {
            entries.add(entry(exchange));
        }
        HarLog log = HarLog.builder()
                .version("1.2")
                .creator(HarCreatorBrowser.builder().name(CREATOR).version(Api.VERSION).build())
                .entries(entries)
                .build();
        return new Har(log);
    }

    /** A connection's first exchange starts at the accept (its {@code connect} counts from there). */
    private static Instant startedDateTime(Exchange e) {
        return e.index() == 1 ? e.connection().accepted() : e.started();
    }

    /** The HAR document as UTF-8 JSON. */
    public byte[] json(List<Exchange> exchanges) throws IOException {
        try {
            return new HarWriter(new HarMapper()).writeAsBytes(har(exchanges));
        } catch (HarWriterException e) {
            throw new IOException("Could not write the HAR: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the HAR document to {@code file} as every shared file is written ({@link SharedFile}):
     * beside it first, then moved into place, so that a failure (a full disk) leaves any earlier
     * file whole, a link there is not followed, and the file gets the umask's permissions.
     */
    public void write(List<Exchange> exchanges, Path file) throws IOException {
        SharedFile.write(file, json(exchanges));
    }

    private HarEntry entry(Exchange e) {
        Timings t = e.timings();
        boolean first = e.index() == 1;
        long connectMicros = first ? Math.max(0, t.requestFirstNanos() - e.connection().acceptedNanos()) / 1_000 : -1;
        long connect = first ? millis(connectMicros) : -1;
        long send = millis(t.sendMicros());
        long wait = millis(t.waitMicros());
        long receive = millis(t.receiveMicros());
        HarTiming timings = HarTiming.builder()
                .blocked(-1L).dns(-1L).ssl(-1L)
                .connect(connect).send(send).waitTime(wait).receive(receive)
                .build();
        if (first) {
            timings.setAdditionalField(HarMapper.microsField("connect"), connectMicros);
        }
        timings.setAdditionalField(HarMapper.microsField("send"), t.sendMicros());
        timings.setAdditionalField(HarMapper.microsField("wait"), t.waitMicros());
        timings.setAdditionalField(HarMapper.microsField("receive"), t.receiveMicros());
        HarEntry entry = HarEntry.builder()
                .startedDateTime(dateTime(startedDateTime(e)))
                .time((int) Math.min(Integer.MAX_VALUE, Math.max(0, connect) + send + wait + receive))
                .request(request(e))
                .response(response(e))
                .cache(new HarCache())
                .timings(timings)
                .connection(e.connection().clientPort() > 0 ? Integer.toString(e.connection().clientPort()) : null)
                .serverIPAddress(IpAddresses.isWildcard(serverHost) ? null : serverHost)
                .comment(faultNote(e))
                .build();
        entry.setAdditionalField("_connectionId", Long.toString(e.connection().id()));
        entry.setAdditionalField("_clientAddress", e.connection().clientAddress());
        entry.setAdditionalField("_clientPort", e.connection().clientPort());
        if (e.rejected()) {
            entry.setAdditionalField("_rejected", true);
        }
        e.faultRule().ifPresent(rule -> entry.setAdditionalField(FAULT_FIELD, rule));
        return entry;
    }

    /**
     * For an exchange a fault rule touched on purpose, or that got no whole answer: what happened
     * and what a good client does about it, so that whoever opens the file later reads the lesson,
     * not a broken server. Null for an ordinary exchange (no comment).
     */
    static String faultNote(Exchange e) {
        return FaultLesson.of(e.faultRule(), e.method(), e.noWholeAnswer())
                .map(lesson -> lesson.oneLine() + " (RestLab)").orElse(null);
    }

    private HarRequest request(Exchange e) {
        Request r = e.request();
        Sizes sizes = Sizes.of(headBytes(r.line(), r.headers()), r.body(), r.wireBytes(), isChunked(r.headers()));
        HarRequest request = HarRequest.builder()
                .method(r.method())
                .url(url(r))
                .httpVersion(r.version())
                .headers(headers(r.headers()))
                .queryString(queryString(r.requestTarget().query()))
                .postData(r.body().isEmpty() ? new HarPostData() : postData(r)) // an empty one is left out
                .headersSize(sizes.head())
                .bodySize(sizes.body())
                .build();
        if (!r.target().startsWith("/")) {
            request.setAdditionalField("_target", r.target());
        }
        return request;
    }

    /**
     * The request body as browsers write it: {@code text} is the bytes that were sent when they
     * are UTF-8 text, so a tool that replays {@code text} sends the same bytes. HAR 1.2 has no
     * encoding for a request body, so other bytes cannot be replayed from it: then {@code text} is
     * empty, the {@code comment} says why, and {@code _base64} holds the bytes exactly.
     */
    private HarPostData postData(Request r) {
        Body body = r.body();
        Optional<String> text = Utf8.decode(body.stored());
        List<String> notes = new ArrayList<>();
        if (text.isEmpty()) {
            notes.add("These " + body.stored().length + " bytes are not UTF-8 text, which is all HAR's postData.text"
                    + " can carry: text is empty and _base64 holds the bytes exactly");
        }
        if (body.truncated()) {
            notes.add(body.cutNote());
        }
        HarPostData postData = HarPostData.builder()
                .mimeType(r.header("Content-Type").orElse(""))
                .text(text.orElse(""))
                .comment(notes.isEmpty() ? null : String.join("; ", notes))
                .build();
        if (text.isEmpty()) {
            postData.setAdditionalField("_base64", Base64.getEncoder().encodeToString(body.stored()));
        }
        if (body.truncated()) {
            postData.setAdditionalField("_truncated", true);
            postData.setAdditionalField("_size", body.size());
        }
        return postData;
    }

    /** The entry's custom field that names the fault rule RestLab applied to it. */
    static final String FAULT_FIELD = "_fault";
    /** Why no whole answer came, where Chrome writes its network error for a request that got none. */
    static final String ERROR_FIELD = "_error";

    /** The response; for one that never came whole, {@value #ERROR_FIELD} says why. */
    private static HarResponse response(Exchange e) {
        // A captured request that got no answer: none of the stand-in's bytes crossed the wire. (An imported
        // one keeps the sizes its file gave.)
        boolean came = e.ending().answerBegan() || e.response().wireBytes() > 0;
        HarResponse response = response(e.response(), came);
        if (!e.ending().whole()) {
            response.setAdditionalField(ERROR_FIELD, e.ending().description());
        }
        return response;
    }

    /** @param came false for the stand-in of an answer that never came: none of its bytes crossed the wire */
    private static HarResponse response(Response r, boolean came) {
        long head = 0;
        for (Response.Interim interim : r.interim()) {
            head += headBytes(interim.statusLine(), interim.headers());
        }
        head += headBytes(r.statusLine(), r.headers());
        Sizes sizes = Sizes.of(head, r.body(), r.wireBytes(), isChunked(r.headers()));
        Body body = r.body();
        boolean encoded = r.header("Content-Encoding").filter(coding -> !coding.isBlank()).isPresent();
        boolean heldNone = body.leftOutByFile() && body.stored().length == 0; // write it as the file did: no text
        Text text = heldNone ? new Text(null, false) : Text.of(body);
        HarContent content = HarContent.builder()
                .size(body.size())
                .compression(encoded && body.size() > sizes.body() ? body.size() - sizes.body() : null)
                .mimeType(r.header("Content-Type").orElse(""))
                .text(text.value())
                .encoding(text.base64() ? "base64" : null)
                .comment(body.truncated() ? body.cutNote() : null)
                .build();
        if (body.truncated() && !heldNone) {
            content.setAdditionalField("_truncated", true);
        }
        return HarResponse.builder()
                .status(r.status())
                .statusText(r.reason())
                .httpVersion(r.version())
                .headers(headers(r.headers()))
                .content(content)
                .redirectURL(r.header("Location").orElse(""))
                .headersSize(came ? sizes.head() : 0)
                .bodySize(came ? sizes.body() : 0)
                .build();
    }

    /** {@code http://} and the Host the client named (else the server's address), then the target. */
    private String url(Request r) {
        RequestTarget target = r.requestTarget();
        if (target.form() == RequestTarget.Form.ABSOLUTE && target.scheme().matches("(?i)https?")) {
            return r.target(); // absolute form, as sent to a proxy
        }
        String authority = r.header("Host").filter(host -> !host.isBlank())
                .orElse(hostForUrl(serverHost) + ":" + serverPort);
        return "http://" + authority + (target.form() == RequestTarget.Form.ORIGIN ? r.target() : "/");
    }

    private static String hostForUrl(String host) {
        String named = IpAddresses.isWildcard(host) ? Api.LOOPBACK : host;
        return named.contains(":") ? "[" + named + "]" : named;
    }

    private static List<HarHeader> headers(List<Header> headers) {
        List<HarHeader> har = new ArrayList<>(headers.size());
        for (Header header : headers) {
            har.add(HarHeader.builder().name(header.name()).value(header.value()).build());
        }
        return har;
    }

    /** The query's parameters in order, percent-decoded where that gives UTF-8 text, else as sent. */
    private static List<HarQueryParam> queryString(Query query) {
        List<HarQueryParam> params = new ArrayList<>();
        for (Query.Pair pair : query.pairs()) {
            params.add(HarQueryParam.builder().name(asText(pair.rawName())).value(asText(pair.rawValue())).build());
        }
        return params;
    }

    private static String asText(String raw) {
        return Utf8.decode(PercentEncoding.decode(raw, true)).orElse(raw);
    }

    /** The start line, the header lines as curl prints them and the blank line, in bytes. */
    static long headBytes(String startLine, List<Header> headers) {
        long bytes = utf8Length(startLine) + 2;
        for (Header header : headers) {
            bytes += utf8Length(header.name()) + 2 + utf8Length(header.value()) + 2;
        }
        return bytes + 2;
    }

    private static long utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * Whether the body was sent in chunks: only when chunked is the last transfer coding (RFC 9112
     * §6.1); with {@code gzip} alone the body runs to the end of the connection, unchunked.
     */
    static boolean isChunked(List<Header> headers) {
        String codings = null;
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase("Transfer-Encoding") && !header.value().isBlank()) {
                codings = header.value(); // a coding list may be split over several fields; the last one ends it
            }
        }
        if (codings == null) {
            return false;
        }
        String[] list = codings.split(",");
        return list[list.length - 1].strip().equalsIgnoreCase("chunked");
    }

    /** In UTC to the microsecond: six digits of a second, as any JavaScript Date reads them. */
    private static ZonedDateTime dateTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atZone(ZoneOffset.UTC);
    }

    /** A whole number of milliseconds, rounded. */
    private static long millis(long micros) {
        return (micros + 500) / 1_000;
    }

    /**
     * HAR's {@code headersSize} and {@code bodySize}. The capture counts every byte of a message
     * ({@code wireBytes}) and knows the de-chunked body: without chunks the head is the rest; with
     * chunks the head is counted from its lines and the body is the rest, framing included.
     */
    private record Sizes(long head, long body) {
        static Sizes of(long countedHead, Body body, long wireBytes, boolean chunked) {
            if (!chunked && wireBytes - body.size() > 0) {
                return new Sizes(wireBytes - body.size(), body.size());
            }
            if (wireBytes - countedHead >= 0) {
                // chunked, or a body decoded from its Content-Encoding (imported from a browser)
                return new Sizes(countedHead, wireBytes - countedHead);
            }
            return new Sizes(countedHead, body.size()); // a message cut short, or made by hand
        }
    }

    /** A body as HAR text: UTF-8 as it is, anything else in base64. */
    private record Text(String value, boolean base64) {
        static Text of(Body body) {
            return Utf8.decode(body.stored())
                    .map(text -> new Text(text, false))
                    .orElseGet(() -> new Text(Base64.getEncoder().encodeToString(body.stored()), true));
        }
    }
}
