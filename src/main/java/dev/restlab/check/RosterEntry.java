package dev.restlab.check;

import dev.restlab.http.TargetUrl;

/**
 * One student of a class roster: the name as the roster gives it, and the server to check.
 *
 * @param line the roster's line it came from, from 1
 */
public record RosterEntry(int line, String student, TargetUrl url) {
}
