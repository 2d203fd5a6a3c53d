package dev.restlab.check;

import java.util.List;

/**
 * What the check did to leave the server as it found it: the users its cases created that are
 * gone again (deleted by the scenario's own DELETE or by the clean-up, by the id each 201 gave),
 * and those left behind, each with why.
 *
 * @param left each user left, in words, e.g. {@code John <john@example.com>: its 201 gave no id}
 */
public record Cleanup(int created, int deleted, List<String> left) {

    public Cleanup {
        left = List.copyOf(left);
    }

    /** One sentence for the report. */
    public String sentence() {
        if (created == 0) {
            return "Left no trace: no case created a user.";
        }
        if (left.isEmpty()) {
            return "Left no trace: the " + plural(created) + " the check created " + (created == 1 ? "was" : "were")
                    + " deleted again, by the id " + (created == 1 ? "its" : "each") + " 201 gave.";
        }
        return "Left " + plural(left.size()) + " on the server (of " + created + " the check created; "
                + "the server has no DELETE by id that took them, as before In [7], so only restarting it"
                + " clears them): " + String.join("; ", left) + ".";
    }

    private static String plural(int users) {
        return users + (users == 1 ? " user" : " users");
    }
}
