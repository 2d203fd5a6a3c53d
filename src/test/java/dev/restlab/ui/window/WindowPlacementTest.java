package dev.restlab.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {

    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1024, 768 - 40); // a task bar at the bottom
    private static final Rectangle2D WIDE = new Rectangle2D(0, 0, 1920, 1080);

    @Test
    void a_first_start_on_a_small_screen_fills_its_visible_bounds_and_no_more() {
        assertEquals(LAPTOP, WindowPlacement.place(Optional.empty(), LAPTOP, List.of(LAPTOP)));
    }

    @Test
    void a_first_start_on_a_large_screen_is_centred_at_the_preferred_size() {
        assertEquals(new Rectangle2D(320, 140, 1280, 800), WindowPlacement.place(Optional.empty(), WIDE, List.of(WIDE)));
    }

    @Test
    void a_remembered_place_on_a_screen_is_kept() {
        Rectangle2D was = new Rectangle2D(100, 50, 1000, 700);
        assertEquals(was, WindowPlacement.place(Optional.of(was), WIDE, List.of(WIDE)));
    }

    @Test
    void a_remembered_place_on_a_second_screen_is_kept_there() {
        Rectangle2D second = new Rectangle2D(1920, 0, 1280, 1024);
        Rectangle2D was = new Rectangle2D(2000, 100, 900, 600);
        assertEquals(was, WindowPlacement.place(Optional.of(was), WIDE, List.of(WIDE, second)));
    }

    @Test
    void a_remembered_place_now_off_every_screen_is_ignored_and_the_window_centred() {
        // Left on a second screen that is no longer attached.
        Rectangle2D was = new Rectangle2D(2000, 100, 900, 600);
        assertEquals(new Rectangle2D(510, 240, 900, 600), WindowPlacement.place(Optional.of(was), WIDE, List.of(WIDE)));
    }

    @Test
    void a_window_above_the_screen_with_no_title_bar_to_grab_counts_as_off_screen() {
        Rectangle2D was = new Rectangle2D(100, -500, 800, 600);
        assertEquals(new Rectangle2D(560, 240, 800, 600), WindowPlacement.place(Optional.of(was), WIDE, List.of(WIDE)));
    }

    @Test
    void a_remembered_size_larger_than_the_screen_now_is_shrunk_to_fit_inside_it() {
        // The old bug: 1280x800 at (-128, -11) on a 1024x768 screen.
        Rectangle2D was = new Rectangle2D(-128, -11, 1280, 800);
        assertEquals(LAPTOP, WindowPlacement.place(Optional.of(was), LAPTOP, List.of(LAPTOP)));
    }

    @Test
    void a_window_hanging_over_the_edge_is_moved_just_enough_to_lie_inside() {
        Rectangle2D was = new Rectangle2D(700, 300, 600, 500);
        assertEquals(new Rectangle2D(424, 228, 600, 500), WindowPlacement.place(Optional.of(was), LAPTOP, List.of(LAPTOP)));
    }
}
