package dev.restlab.client;

import java.util.List;

/**
 * What came back for one request the window sent: the status and the text of the body, and the
 * users in it when the body was a user listing.
 */
public record ApiResponse(int status, String body, List<UserRow> users) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
