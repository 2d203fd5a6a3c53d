package dev.restlab.fault;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a {@link FaultRule} does to a request it touches. */
public enum FaultAction {
    DELAY, STATUS, RESET, TRUNCATE, DRIP, HANG;

    /** The word a rule starts with. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<FaultAction> named(String word) {
        return Arrays.stream(values()).filter(a -> a.word().equalsIgnoreCase(word)).findFirst();
    }

    static String names() {
        return Arrays.stream(values()).map(FaultAction::word).collect(Collectors.joining(", "));
    }

    /** 503 and 429 tell the client when to come back (RFC 9110 §10.2.3, RFC 6585 §4). */
    public static boolean carriesRetryAfter(int status) {
        return status == 503 || status == 429;
    }
}
