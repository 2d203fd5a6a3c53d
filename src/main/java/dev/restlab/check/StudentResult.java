package dev.restlab.check;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * One student's line of the class: the check's report, or why the server could not be reached.
 *
 * @param report      the check, when the server could be reached
 * @param unreachable why not, when it could not; else empty
 */
public record StudentResult(RosterEntry entry, Optional<CheckReport> report, String unreachable, Duration took) {

    public Verdict verdict() {
        return report.map(CheckReport::verdict).orElse(Verdict.UNREACHABLE);
    }

    /** The listing matched, e.g. {@code In [7]}; empty when none, or unreachable. */
    public String listing() {
        return report.map(CheckReport::listing).orElse("");
    }

    /** E.g. {@code 13 of 13}; empty when unreachable. */
    public String asHandoutOf() {
        return report.map(r -> r.asHandout() + " of " + r.graded().size()).orElse("");
    }

    /** E.g. {@code 1 of 4}; empty when unreachable. */
    public String extras() {
        return report.map(r -> r.extrasFine() + " of " + r.extras().size()).orElse("");
    }

    public String seconds() {
        return String.format(Locale.ROOT, "%.1f", took.toMillis() / 1000.0);
    }

    /** The live line printed as the student's check ends. */
    public String line() {
        String what = report.map(r -> verdict().word() + " — " + r.summary()).orElse("unreachable — " + unreachable);
        return entry.student() + " (" + entry.url() + "): " + what + " [" + seconds() + " s]";
    }
}
