package dev.restlab.check;

import java.util.Optional;

/**
 * A user a case created (its POST was answered 201), for the clean-up.
 *
 * @param who        the name and email sent, e.g. {@code John <john@example.com>}
 * @param id         the id its 201 gave, if any
 * @param collection the path it was POSTed to; its {@code /{id}} is where it is deleted
 */
record CreatedUser(String caseId, String who, Optional<String> id, String collection) {
}
