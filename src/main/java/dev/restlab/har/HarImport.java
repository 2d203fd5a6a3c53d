package dev.restlab.har;

import com.google.gson.JsonElement;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import dev.restlab.http.RequestTarget;
import dev.restlab.wire.Connection;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.Timings;
import dev.restlab.wire.TrafficLog;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a HAR file (from a browser's developer tools, a test tool, or RestLab itself) into
 * exchanges, for viewing. The file is read as a stream, one entry at a time, and each entry is
 * bounded before it is kept, so a small file cannot describe more than RestLab holds live: at most
 * {@link #MOST_ENTRIES} entries (as many as the live traffic log keeps), {@link #MOST_VALUES_PER_ENTRY}
 * JSON values in one entry, {@link #MOST_VALUES} in all, bodies cut at {@link Exchange#MAX_STORED_BODY}
 * and together at the live log's budget. Custom fields RestLab does not read ({@code _initiator}
 * stacks, {@code _webSocketMessages}, …), cookies, query lists and pages are skipped unread.
 *
 * <p>Entries become exchanges in {@code startedDateTime} order (the file's order among equal
 * times), numbered 1, 2, 3, …; an entry without a date takes the one before it. Entries with the
 * same connection id ({@code _connectionId}, else {@code connection}) share one connection,
 * numbered by when they started. The phases are rebuilt from {@code timings}: the request's first
 * byte comes after {@code blocked}, {@code dns} and {@code connect}, then {@code send},
 * {@code wait} and {@code receive} follow, exact to the microsecond where the file has fractions
 * or RestLab's {@code _…Micros} fields; a phase that is missing or -1 takes no time. Bodies come
 * from {@code text} (base64 where the file says so), as the browser decoded them: a gzip answer
 * shows its text, like {@code curl --compressed} would. A body the file does not hold keeps its
 * real size and says that the file left it out. HAR has no interim {@code 1xx} answers, so none
 * come back.
 */
public final class HarImport {

    /** Larger files are refused before reading. */
    public static final long LARGEST_FILE = 256L * 1024 * 1024;
    /** As many exchanges as the live traffic log keeps. */
    public static final int MOST_ENTRIES = TrafficLog.DEFAULT_CAPACITY;
    /** JSON values (objects, strings, numbers, …) one entry may hold in the fields RestLab reads. */
    public static final int MOST_VALUES_PER_ENTRY = 10_000;
    /** JSON values all entries together may hold in the fields RestLab reads. */
    public static final long MOST_VALUES = 2_000_000;
    /** Bytes of bodies kept in all, as the live traffic log's budget. */
    public static final long MOST_BODY_BYTES = TrafficLog.DEFAULT_MAX_BODY_BYTES;

    /** What one import may hold; tests use smaller ones. */
    record Limits(int entries, int valuesPerEntry, long values, long bodyBytes) {
    }

    static final Limits LIMITS = new Limits(MOST_ENTRIES, MOST_VALUES_PER_ENTRY, MOST_VALUES, MOST_BODY_BYTES);

    private static final Pattern WHERE = Pattern.compile("at line (\\d+) column (\\d+)");

    private HarImport() {
    }

    /** The exchanges of a HAR file. */
    public static List<Exchange> read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > LARGEST_FILE) {
            throw HarProblem.tooMuch("it is " + size / (1024 * 1024) + " MiB, and RestLab imports HAR files of up to "
                    + LARGEST_FILE / (1024 * 1024) + " MiB.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /** The exchanges of a HAR document given as its JSON bytes. */
    public static List<Exchange> read(byte[] json) throws IOException {
        return read(new ByteArrayInputStream(json));
    }

    /** The exchanges of a HAR document read from {@code in} (UTF-8, with or without a byte order mark). */
    public static List<Exchange> read(InputStream in) throws IOException {
        return read(in, LIMITS);
    }

    static List<Exchange> read(InputStream in, Limits limits) throws IOException {
        InputStream buffered = new BufferedInputStream(in, 64 * 1024);
        skipByteOrderMark(buffered);
        buffered.mark(1);
        if (buffered.read() < 0) {
            throw HarProblem.notHar("the file is empty.", null);
        }
        buffered.reset();
        JsonReader json = new JsonReader(new InputStreamReader(buffered, StandardCharsets.UTF_8));
        json.setStrictness(Strictness.STRICT);
        try {
            return exchanges(log(json, limits));
        } catch (MalformedJsonException | EOFException | IllegalStateException | NumberFormatException e) {
            throw HarProblem.notHar(notJson(e), e);
        }
    }

    private static void skipByteOrderMark(InputStream in) throws IOException {
        in.mark(3);
        byte[] start = in.readNBytes(3);
        if (!(start.length == 3 && (start[0] & 0xff) == 0xef && (start[1] & 0xff) == 0xbb && (start[2] & 0xff) == 0xbf)) {
            in.reset();
        }
    }

    private static String notJson(Exception e) {
        String message = String.valueOf(e.getMessage());
        Matcher where = WHERE.matcher(message);
        String at = where.find() ? " (at line " + where.group(1) + ", column " + where.group(2) + ")" : "";
        if (message.startsWith("Nesting limit")) {
            return "its JSON is nested deeper than RestLab reads" + at + ".";
        }
        if (e instanceof EOFException) {
            return "it ends in the middle of its JSON" + at + "; was it cut short?";
        }
        return "it is not JSON, or not JSON as HAR writes it" + at + ".";
    }

    /** The entries of the one {@code log} of a HAR document, read and bounded one at a time. */
    private static List<HarEntryReader.Entry> log(JsonReader json, Limits limits) throws IOException {
        if (json.peek() != JsonToken.BEGIN_OBJECT) {
            throw HarProblem.notHar("it is JSON, but not an object with a \"log\" as HAR files are.", null);
        }
        List<HarEntryReader.Entry> entries = null;
        json.beginObject();
        while (json.hasNext()) {
            if (json.nextName().equals("log") && entries == null) {
                entries = logObject(json, limits);
            } else {
                json.skipValue();
            }
        }
        json.endObject();
        if (json.peek() != JsonToken.END_DOCUMENT) {
            throw HarProblem.notHar("more follows its JSON object.", null);
        }
        if (entries == null) {
            throw HarProblem.notHar("it has no \"log\" (a HAR file is one object whose \"log\" holds \"entries\").", null);
        }
        return entries;
    }

    private static List<HarEntryReader.Entry> logObject(JsonReader json, Limits limits) throws IOException {
        if (json.peek() != JsonToken.BEGIN_OBJECT) {
            throw HarProblem.notHar("its \"log\" is not an object.", null);
        }
        List<HarEntryReader.Entry> entries = null;
        json.beginObject();
        while (json.hasNext()) {
            if (json.nextName().equals("entries") && entries == null) {
                entries = entries(json, limits);
            } else {
                json.skipValue(); // version, creator, browser, pages, comment: nothing an exchange shows
            }
        }
        json.endObject();
        if (entries == null) {
            throw HarProblem.notHar("its \"log\" has no \"entries\".", null);
        }
        return entries;
    }

    private static List<HarEntryReader.Entry> entries(JsonReader json, Limits limits) throws IOException {
        if (json.peek() != JsonToken.BEGIN_ARRAY) {
            throw HarProblem.notHar("its log's \"entries\" is not a list.", null);
        }
        List<HarEntryReader.Entry> entries = new ArrayList<>();
        long valuesLeft = limits.values();
        long[] bodyBytesLeft = {limits.bodyBytes()};
        HarEntryReader.BodyBudget budget = wanted -> {
            int kept = (int) Math.min(wanted, bodyBytesLeft[0]);
            bodyBytesLeft[0] -= kept;
            return kept;
        };
        json.beginArray();
        while (json.hasNext()) {
            int number = entries.size() + 1;
            if (number > limits.entries()) {
                throw HarProblem.tooMuch("it has more than " + String.format("%,d", limits.entries())
                        + " entries, as many as RestLab keeps of live traffic.");
            }
            long allowed = Math.min(limits.valuesPerEntry(), valuesLeft);
            BoundedJson reader = new BoundedJson(allowed, HarImport::skipped);
            JsonElement element;
            try {
                element = reader.read(json);
            } catch (BoundedJson.OverBudget over) {
                if (allowed < limits.valuesPerEntry()) {
                    throw HarProblem.tooMuch("its entries hold more than " + String.format("%,d", limits.values())
                            + " values in the fields RestLab reads.");
                }
                throw HarProblem.inEntry(number, "", "holds more than " + String.format("%,d", limits.valuesPerEntry())
                        + " values in the fields RestLab reads (headers, bodies, timings)");
            }
            valuesLeft -= allowed - reader.left();
            entries.add(HarEntryReader.read(number, element, budget));
        }
        json.endArray();
        return entries;
    }

    /** Members RestLab never reads, skipped without being kept, wherever they are. */
    private static boolean skipped(String name) {
        if (name.startsWith("_")) {
            return !HarEntryReader.CUSTOM_FIELDS_READ.contains(name);
        }
        return name.equals("cookies") || name.equals("queryString") || name.equals("cache") || name.equals("pageref")
                || name.equals("comment");
    }

    /** The entries on one clock: nanoseconds since the earliest start in the file. */
    private static List<Exchange> exchanges(List<HarEntryReader.Entry> entries) {
        Instant base = entries.stream().map(HarEntryReader.Entry::started).filter(s -> s != null)
                .min(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        record Placed(HarEntryReader.Entry entry, long startNanos) {
        }
        List<Placed> placed = new ArrayList<>(entries.size());
        long previousStart = 0;
        for (HarEntryReader.Entry entry : entries) {
            long start = entry.started() == null ? previousStart : Duration.between(base, entry.started()).toNanos();
            previousStart = start;
            placed.add(new Placed(entry, start));
        }
        placed.sort(Comparator.comparingLong(Placed::startNanos)); // stable: the file's order among equal times
        Map<String, Connection> connections = new HashMap<>();
        Map<String, Integer> indexes = new HashMap<>();
        List<Exchange> exchanges = new ArrayList<>(placed.size());
        for (Placed one : placed) {
            HarEntryReader.Entry entry = one.entry();
            String key = entry.connectionKey() == null ? "#" + entry.number() : "=" + entry.connectionKey();
            Connection connection = connections.computeIfAbsent(key, k -> new Connection(connections.size() + 1,
                    entry.clientAddress(), entry.clientPort(), base.plusNanos(one.startNanos()), one.startNanos()));
            int index = indexes.merge(key, 1, Integer::sum);
            exchanges.add(new Exchange(exchanges.size() + 1L, connection, index, entry.request(), entry.response(),
                    timings(one.startNanos(), entry.phaseMicros()), entry.rejected(), entry.ending(), entry.faultRule()));
        }
        return List.copyOf(exchanges);
    }

    private static Timings timings(long start, long[] phaseMicros) {
        long[] micros = new long[phaseMicros.length];
        for (int i = 0; i < micros.length; i++) {
            micros[i] = Math.max(0, phaseMicros[i]); // not known: takes no time
        }
        long requestFirst = start + (micros[0] + micros[1] + micros[2]) * 1_000;
        long requestLast = requestFirst + micros[3] * 1_000;
        long responseFirst = requestLast + micros[4] * 1_000;
        long responseLast = responseFirst + micros[5] * 1_000;
        return new Timings(requestFirst, requestLast, responseFirst, responseLast);
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
}
