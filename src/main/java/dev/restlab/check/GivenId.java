package dev.restlab.check;

import dev.restlab.wire.Exchange;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user id an answer gave: the last segment of its {@code Location} when that is a UUID, else
 * the first UUID in its body (In [7]'s {@code User created successfully! ID: …}).
 */
final class GivenId {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private GivenId() {
    }

    static Optional<String> of(Exchange e) {
        Optional<String> fromLocation = e.response().header("Location")
                .flatMap(location -> firstUuid(location.substring(location.lastIndexOf('/') + 1)));
        return fromLocation.isPresent() ? fromLocation : firstUuid(e.response().body().text());
    }

    private static Optional<String> firstUuid(String text) {
        Matcher matcher = UUID.matcher(text);
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }
}
