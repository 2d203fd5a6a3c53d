package dev.restlab.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One way to make the server misbehave on purpose, written as a teacher types it:
 * {@code ACTION [ARGS] [rate P] [on [METHOD] [PATH]]}, e.g. {@code delay 300ms on GET /people/v1/users},
 * {@code status 503 rate 0.5 on POST /people/v1/users}, {@code reset on DELETE}, {@code drip 100B/s}.
 * A path ending in {@code *} matches every path that starts with what comes before it.
 *
 * @param action         what happens to a matching request
 * @param delay          {@code delay}: how long the answer waits; zero otherwise
 * @param jitter         {@code delay … jitter J}: a random extra wait between zero and this
 * @param status         {@code status}: the code answered instead of the route
 * @param bytesPerSecond {@code drip}: how fast the body is sent
 * @param rate           the share of matching requests the rule touches, above 0 and at most 1
 * @param method         the method it applies to, or empty for every method
 * @param path           the path it applies to (a trailing {@code *} for a prefix), or empty for every path
 * @param text           the rule as typed, tidied: what the window, the log and the reports show
 */
public record FaultRule(FaultAction action, Duration delay, Duration jitter, int status, long bytesPerSecond,
        double rate, Optional<String> method, Optional<String> path, String text) {

    /** The response header that names the rule which shaped an answer: on the wire, for the student to see. */
    public static final String HEADER = "RestLab-Fault";
    /** How long a 503 or 429 a rule answers asks the client to wait before it tries again. */
    public static final int RETRY_AFTER_SECONDS = 2;
    /** How long a {@code delay} may be: longer than any client's patience, shorter than an idle connection. */
    public static final Duration LONGEST_DELAY = Duration.ofSeconds(25);
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s)");
    private static final Pattern BYTE_RATE = Pattern.compile("(\\d+)(B|KB)/s", Pattern.CASE_INSENSITIVE);

    /** Reads one rule; a wrong one is refused with a reason that names the word at fault. */
    public static FaultRule parse(String typed) throws FaultRuleException {
        List<String> words = new ArrayList<>(List.of(typed.trim().split("\\s+")));
        if (typed.isBlank()) {
            throw new FaultRuleException(typed, "a rule starts with an action: " + FaultAction.names());
        }
        String first = words.remove(0);
        FaultAction action = FaultAction.named(first).orElseThrow(() -> new FaultRuleException(typed,
                "'" + first + "' is not an action; the actions are " + FaultAction.names()));
        Duration delay = Duration.ZERO;
        Duration jitter = Duration.ZERO;
        int status = 0;
        long bytesPerSecond = 0;
        switch (action) {
            case DELAY -> {
                delay = duration(typed, take(words, typed, "delay needs a time, such as 300ms or 2s"));
                if (!words.isEmpty() && words.get(0).equalsIgnoreCase("jitter")) {
                    words.remove(0);
                    jitter = duration(typed, take(words, typed, "jitter needs a time, such as 100ms"));
                }
                if (delay.plus(jitter).compareTo(LONGEST_DELAY) > 0) {
                    throw new FaultRuleException(typed, "a delay (with its jitter) may be at most "
                            + LONGEST_DELAY.toSeconds() + "s, shorter than the server's idle timeout");
                }
            }
            case STATUS -> status = statusCode(typed, take(words, typed, "status needs a code, such as 503"));
            case DRIP -> bytesPerSecond = byteRate(typed, take(words, typed, "drip needs a rate, such as 100B/s"));
            default -> { }
        }
        double rate = 1;
        if (!words.isEmpty() && words.get(0).equalsIgnoreCase("rate")) {
            words.remove(0);
            rate = share(typed, take(words, typed, "rate needs a share of requests between 0 and 1, such as 0.5"));
        }
        Optional<String> method = Optional.empty();
        Optional<String> path = Optional.empty();
        if (!words.isEmpty() && words.get(0).equalsIgnoreCase("on")) {
            words.remove(0);
            if (!words.isEmpty() && METHODS.contains(words.get(0).toUpperCase(Locale.ROOT))) {
                method = Optional.of(words.remove(0).toUpperCase(Locale.ROOT));
            }
            if (!words.isEmpty() && words.get(0).startsWith("/")) {
                path = Optional.of(words.remove(0));
            }
            if (method.isEmpty() && path.isEmpty()) {
                throw new FaultRuleException(typed, "'on' needs a method (" + String.join(", ", sorted(METHODS))
                        + ") or a path starting with /, or both");
            }
        }
        if (!words.isEmpty()) {
            throw new FaultRuleException(typed, "'" + words.get(0) + "' is not understood here; a rule is "
                    + "ACTION [ARGS] [rate P] [on [METHOD] [PATH]]");
        }
        String text = tidy(action, delay, jitter, status, bytesPerSecond, rate, method, path);
        return new FaultRule(action, delay, jitter, status, bytesPerSecond, rate, method, path, text);
    }

    /** True when a request with this method and path is one the rule is about (its rate aside). */
    public boolean matches(String requestMethod, String requestPath) {
        if (method.isPresent() && !method.get().equals(requestMethod)) {
            return false;
        }
        if (path.isEmpty()) {
            return true;
        }
        String wanted = path.get();
        return wanted.endsWith("*") ? requestPath.startsWith(wanted.substring(0, wanted.length() - 1))
                : requestPath.equals(wanted);
    }

    /** One line: what a client sees when this rule touches its request. */
    public String explanation() {
        return switch (action) {
            case DELAY -> "The answer comes " + millis(delay)
                    + (jitter.isZero() ? "" : " to " + millis(delay.plus(jitter))) + " late.";
            case STATUS -> "The server answers " + status + " instead of running the route, so nothing is stored"
                    + (FaultAction.carriesRetryAfter(status) ? "; Retry-After says when to try again." : ".");
            case RESET -> "The connection is reset before any answer: curl says \"Connection reset by peer\" (exit 56).";
            case TRUNCATE -> "The head and part of the body arrive, then the connection closes: the body is short "
                    + "of its Content-Length (curl exit 18).";
            case DRIP -> "The body arrives at " + bytesPerSecond + " bytes a second.";
            case HANG -> "No answer at all, until the client gives up (or the server's idle timeout closes it).";
        };
    }

    /** One line: what a good client does about it. */
    public String advice() {
        return switch (action) {
            case DELAY, HANG, DRIP -> "A good client sets a time limit (curl --max-time) and does not wait for ever.";
            case STATUS -> FaultAction.carriesRetryAfter(status)
                    ? "A good client waits as long as Retry-After says, then retries (curl --retry); it never "
                            + "blindly retries a POST."
                    : "A good client reports the error; retrying the same request gets the same answer.";
            case RESET, TRUNCATE -> "A good client retries idempotent requests (GET, PUT, DELETE) with backoff; a "
                    + "POST may have been stored, so it checks before sending it again.";
        };
    }

    private static String take(List<String> words, String typed, String missing) throws FaultRuleException {
        if (words.isEmpty()) {
            throw new FaultRuleException(typed, missing);
        }
        return words.remove(0);
    }

    private static Duration duration(String typed, String word) throws FaultRuleException {
        Matcher m = DURATION.matcher(word);
        if (!m.matches()) {
            throw new FaultRuleException(typed, "'" + word + "' is not a time; write it as 300ms or 2s");
        }
        double amount = Double.parseDouble(m.group(1));
        return Duration.ofMillis(Math.round(m.group(2).equals("s") ? amount * 1000 : amount));
    }

    private static int statusCode(String typed, String word) throws FaultRuleException {
        try {
            int code = Integer.parseInt(word);
            if (code >= 400 && code <= 599) {
                return code;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new FaultRuleException(typed, "'" + word + "' is not an error status; give a code from 400 to 599");
    }

    private static long byteRate(String typed, String word) throws FaultRuleException {
        Matcher m = BYTE_RATE.matcher(word);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0 || m.group(1).length() > 9) {
            throw new FaultRuleException(typed, "'" + word + "' is not a rate; write it as 100B/s or 2KB/s");
        }
        return Long.parseLong(m.group(1)) * (m.group(2).equalsIgnoreCase("KB") ? 1024 : 1);
    }

    private static double share(String typed, String word) throws FaultRuleException {
        try {
            double share = Double.parseDouble(word);
            if (share > 0 && share <= 1) {
                return share;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new FaultRuleException(typed, "'" + word + "' is not a share; give a rate above 0 and at most 1");
    }

    private static String tidy(FaultAction action, Duration delay, Duration jitter, int status, long bytesPerSecond,
            double rate, Optional<String> method, Optional<String> path) {
        StringBuilder text = new StringBuilder(action.word());
        switch (action) {
            case DELAY -> text.append(' ').append(millis(delay))
                    .append(jitter.isZero() ? "" : " jitter " + millis(jitter));
            case STATUS -> text.append(' ').append(status);
            case DRIP -> text.append(' ').append(bytesPerSecond).append("B/s");
            default -> { }
        }
        if (rate < 1) {
            text.append(" rate ").append(rate);
        }
        if (method.isPresent() || path.isPresent()) {
            text.append(" on");
            method.ifPresent(m -> text.append(' ').append(m));
            path.ifPresent(p -> text.append(' ').append(p));
        }
        return text.toString();
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + "ms";
    }

    private static List<String> sorted(Set<String> words) {
        return words.stream().sorted().toList();
    }
}
