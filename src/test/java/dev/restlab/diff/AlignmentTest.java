package dev.restlab.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AlignmentTest {

    @Test
    void names_only_the_right_has_follow_the_name_the_right_had_before_them() {
        assertEquals(List.of("x", "a", "y", "z", "b", "c"),
                Alignment.merge(List.of("a", "b", "c"), List.of("x", "a", "y", "z", "b", "c")));
    }

    @Test
    void the_left_order_wins_when_the_sides_disagree() {
        assertEquals(List.of("a", "b", "c", "d"), Alignment.merge(List.of("a", "b", "c"), List.of("c", "d", "b", "a")));
    }

    @Test
    void either_side_may_be_empty() {
        assertEquals(List.of("a"), Alignment.merge(List.of(), List.of("a")));
        assertEquals(List.of("a"), Alignment.merge(List.of("a"), List.of()));
    }
}
