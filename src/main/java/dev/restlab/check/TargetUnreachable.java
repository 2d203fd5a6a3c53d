package dev.restlab.check;

import dev.restlab.http.TargetUrl;

/** The server to check could not be reached at all: nothing was compared. */
public final class TargetUnreachable extends Exception {

    public TargetUnreachable(TargetUrl server, String why) {
        super(server + " cannot be reached: " + why);
    }
}
