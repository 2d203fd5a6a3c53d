package dev.restlab.har;

import de.sstoehr.harreader.HarReader;
import de.sstoehr.harreader.HarReaderException;
import de.sstoehr.harreader.HarReaderMode;
import de.sstoehr.harreader.model.Har;
import de.sstoehr.harreader.model.HarContent;
import de.sstoehr.harreader.model.HarEntry;
import de.sstoehr.harreader.model.HarHeader;
import de.sstoehr.harreader.model.HarPostData;
import de.sstoehr.harreader.model.HarPostDataParam;
import de.sstoehr.harreader.model.HarRequest;
import de.sstoehr.harreader.model.HarResponse;
import de.sstoehr.harreader.model.HarTiming;
import dev.restlab.http.RequestTarget;
import dev.restlab.wire.Body;
import dev.restlab.wire.Connection;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.Header;
import dev.restlab.wire.Request;
import dev.restlab.wire.Response;
import dev.restlab.wire.Timings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a HAR file, as a browser's developer tools or RestLab itself save it, back into
 * {@link Exchange}s, so that RestLab can show a captured browser session as it shows its own
 * traffic.
 *
 * <p>Each distinct HAR {@code connection} value becomes one new {@link Connection} (an entry
 * without one gets a connection of its own), accepted when its earliest entry started; its
 * exchanges are numbered by when they started. The phases are rebuilt from {@code timings}:
 * the request's first byte comes after {@code blocked}, {@code dns} and {@code connect}, then
 * {@code send}, {@code wait} and {@code receive} follow, exact to the microsecond where the file
 * has fractions or RestLab's {@code _…Micros} fields. Bodies come from {@code text} (base64 where
 * the file says so), as the browser decoded them: a gzip answer shows its text, like
 * {@code curl --compressed} would. A body the file does not hold, or holds cut short, keeps its
 * real size, so RestLab says it was cut. Stored bodies are cut at {@link Exchange#MAX_STORED_BODY}
 * as live ones are. HAR has no interim {@code 1xx} answers, so none come back.
 */
public final class HarImport {

    private HarImport() {
    }

    /** The exchanges of a HAR file, in the file's order, with ids 1, 2, 3, … */
    public static List<Exchange> read(Path file) throws IOException {
        return read(Files.readAllBytes(file));
    }

    /** The exchanges of a HAR document given as its JSON bytes. */
    public static List<Exchange> read(byte[] json) throws IOException {
        Har har;
        try {
            har = new HarReader(new HarMapper()).readFromBytes(json, HarReaderMode.LAX);
        } catch (HarReaderException e) {
            throw new IOException("This is not a HAR file RestLab can read: " + reason(e), e);
        }
        // har-reader makes an empty log where the file has none: any JSON object would pass as a HAR.
        if (har.log().creator().name() == null && har.log().entries().isEmpty()) {
            throw new IOException("This is not a HAR file: it has no \"log\" with a creator or entries.");
        }
        try {
            return exchanges(har.log().entries());
        } catch (IllegalArgumentException e) {
            throw new IOException("This HAR file has a body that is not valid base64: " + e.getMessage(), e);
        }
    }

    private static String reason(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = String.valueOf(cause.getMessage());
        int lineEnd = message.indexOf('\n');
        return lineEnd < 0 ? message : message.substring(0, lineEnd);
    }

    /** One entry on the import's own clock: nanoseconds since the earliest start in the file. */
    private record Placed(int order, HarEntry entry, long startNanos, Timings timings) {
    }

    private static List<Exchange> exchanges(List<HarEntry> entries) {
        Instant base = entries.stream().map(HarEntry::startedDateTime).filter(Objects::nonNull)
                .map(ZonedDateTime::toInstant).min(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        Map<String, List<Placed>> byConnection = new LinkedHashMap<>();
        List<Placed> placed = new ArrayList<>(entries.size());
        long previousStart = 0;
        for (int i = 0; i < entries.size(); i++) {
            HarEntry entry = entries.get(i);
            long start = entry.startedDateTime() == null ? previousStart
                    : Duration.between(base, entry.startedDateTime().toInstant()).toNanos();
            previousStart = start;
            Placed one = new Placed(i, entry, start, timings(start, entry.timings()));
            placed.add(one);
            String key = entry.connection() == null || entry.connection().isBlank() ? "#" + i : entry.connection();
            byConnection.computeIfAbsent(key, k -> new ArrayList<>()).add(one);
        }
        Exchange[] exchanges = new Exchange[placed.size()];
        long connectionId = 0;
        for (List<Placed> onConnection : byConnection.values()) {
            onConnection.sort(Comparator.comparingLong(Placed::startNanos).thenComparingInt(Placed::order));
            Placed first = onConnection.get(0);
            Connection connection = new Connection(++connectionId, text(first.entry().additional().get("_clientAddress")),
                    number(first.entry().additional().get("_clientPort")).intValue(),
                    base.plusNanos(first.startNanos()), first.startNanos());
            int index = 0;
            for (Placed one : onConnection) {
                exchanges[one.order()] = new Exchange(one.order() + 1L, connection, ++index,
                        request(one.entry().request()), response(one.entry().response()), one.timings(),
                        Boolean.TRUE.equals(one.entry().additional().get("_rejected")));
            }
        }
        return List.of(exchanges);
    }

    private static Timings timings(long start, HarTiming timings) {
        long before = 0;
        for (String phase : new String[] {"blocked", "dns", "connect"}) {
            before += micros(timings, phase);
        }
        long requestFirst = start + before * 1_000;
        long requestLast = requestFirst + micros(timings, "send") * 1_000;
        long responseFirst = requestLast + micros(timings, "wait") * 1_000;
        long responseLast = responseFirst + micros(timings, "receive") * 1_000;
        return new Timings(requestFirst, requestLast, responseFirst, responseLast);
    }

    /** A phase in microseconds, 0 when it does not apply (-1) or is missing. */
    private static long micros(HarTiming timings, String phase) {
        Object exact = timings.additional().get(HarMapper.microsField(phase));
        if (exact instanceof Number micros && micros.longValue() >= 0) {
            return micros.longValue();
        }
        Long millis = switch (phase) {
            case "blocked" -> timings.blocked();
            case "dns" -> timings.dns();
            case "connect" -> timings.connect();
            case "send" -> timings.send();
            case "wait" -> timings.waitTime();
            default -> timings.receive();
        };
        return millis == null || millis < 0 ? 0 : millis * 1_000;
    }

    private static Request request(HarRequest r) {
        Body body = Body.EMPTY;
        HarPostData postData = r.postData();
        if (postData.text() != null) {
            byte[] bytes = "base64".equals(postData.additional().get("_encoding"))
                    ? base64(postData.text()) : postData.text().getBytes(StandardCharsets.UTF_8);
            body = body(bytes, Boolean.TRUE.equals(postData.additional().get("_truncated"))
                    ? number(postData.additional().get("_size")).longValue() : bytes.length);
        } else if (!postData.params().isEmpty()) {
            body = Body.of(formText(postData.params()));
        }
        Object target = r.additional().get("_target");
        return new Request(text(r.method()), target instanceof String t ? t : target(text(r.url())),
                text(r.httpVersion()), headers(r.headers()), body, wireBytes(r.headersSize(), r.bodySize(), body));
    }

    private static Response response(HarResponse r) {
        HarContent content = r.content();
        Body body;
        long size = content.size() == null ? -1 : content.size();
        if (content.text() == null) {
            body = new Body(new byte[0], Math.max(0, size)); // the file does not hold this body
        } else {
            byte[] bytes = "base64".equalsIgnoreCase(content.encoding())
                    ? base64(content.text()) : content.text().getBytes(StandardCharsets.UTF_8);
            body = body(bytes, Boolean.TRUE.equals(content.additional().get("_truncated")) ? size : bytes.length);
        }
        return new Response(text(r.httpVersion()), r.status(), text(r.statusText()), headers(r.headers()), body,
                wireBytes(r.headersSize(), r.bodySize(), body), List.of());
    }

    /** The bytes as a body of {@code size} bytes, kept no longer than a live body is. */
    private static Body body(byte[] bytes, long size) {
        byte[] kept = bytes.length > Exchange.MAX_STORED_BODY ? Arrays.copyOf(bytes, Exchange.MAX_STORED_BODY) : bytes;
        return new Body(kept, Math.max(size, bytes.length));
    }

    private static byte[] base64(String text) {
        return Base64.getMimeDecoder().decode(text); // the MIME decoder skips line breaks
    }

    private static String formText(List<HarPostDataParam> params) {
        List<String> pairs = new ArrayList<>();
        for (HarPostDataParam param : params) {
            pairs.add(text(param.name()) + "=" + text(param.value()));
        }
        return String.join("&", pairs);
    }

    /** What crossed the wire as the file counts it; unknown parts as RestLab would count them. */
    private static long wireBytes(Long headersSize, Long bodySize, Body body) {
        long head = headersSize == null || headersSize < 0 ? 0 : headersSize;
        long onWire = bodySize == null || bodySize < 0 ? body.size() : bodySize;
        return head + onWire;
    }

    /** The path and query of a URL ({@code /} when it has none), without any fragment. */
    static String target(String url) {
        RequestTarget target = RequestTarget.parse("GET", url);
        if (target.form() == RequestTarget.Form.ABSOLUTE) {
            return target.originForm();
        }
        // Not a URL: a path, or less, as a hand-written file may hold.
        String origin = url.startsWith("/") ? url : "/" + url;
        return RequestTarget.parse("GET", origin).originForm();
    }

    private static List<Header> headers(List<HarHeader> headers) {
        List<Header> list = new ArrayList<>(headers.size());
        for (HarHeader header : headers) {
            if (header.name() != null) {
                list.add(new Header(header.name(), text(header.value())));
            }
        }
        return list;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static Number number(Object value) {
        return value instanceof Number n ? n : 0;
    }
}
