package dev.restlab.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.wire.Exchange;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WindowTagTest {

    private static Exchange withTag(String value) {
        return Exchange.builder().request("GET", "/").requestHeader("User-Agent", UserApiClient.USER_AGENT)
                .requestHeader(WindowTag.HEADER, value).status(200, "OK").build();
    }

    @Test
    void the_window_knows_its_own_requests_and_their_kind() {
        assertEquals(Optional.of(WindowTag.Kind.USER), WindowTag.kindOf(withTag(WindowTag.value(WindowTag.Kind.USER))));
        assertEquals(Optional.of(WindowTag.Kind.BACKGROUND),
                WindowTag.kindOf(withTag(WindowTag.value(WindowTag.Kind.BACKGROUND))));
        assertTrue(UserApiClient.sentByWindow(withTag(WindowTag.value(WindowTag.Kind.BACKGROUND))));
        assertTrue(WindowTag.value(WindowTag.Kind.USER).matches("[0-9a-f]{16} user"), WindowTag.value(WindowTag.Kind.USER));
    }

    @Test
    void the_user_agent_alone_another_token_or_a_made_up_kind_is_not_the_window() {
        Exchange userAgentOnly = Exchange.builder().request("GET", "/")
                .requestHeader("User-Agent", UserApiClient.USER_AGENT).status(200, "OK").build();
        assertFalse(UserApiClient.sentByWindow(userAgentOnly), "a copied command keeps no tag");
        String token = WindowTag.value(WindowTag.Kind.USER).split(" ")[0];
        String other = (token.charAt(0) == '0' ? "1" : "0") + token.substring(1);
        assertFalse(WindowTag.isWindow(withTag(other + " user")), "a tag from another run of RestLab");
        assertFalse(WindowTag.isWindow(withTag(token + " admin")));
        assertFalse(WindowTag.isWindow(withTag(token)));
        assertFalse(WindowTag.isWindow(withTag("")));
    }
}
