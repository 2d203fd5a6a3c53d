package dev.restlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LookViewModelTest {

    private final LookViewModel look = new LookViewModel();

    @Test
    void presenting_raises_the_text_hides_forms_and_glossary_and_leaving_brings_all_back() {
        look.larger(); // 16
        look.togglePresenting();
        assertEquals(LookViewModel.PRESENTING_SIZE, look.fontSizeProperty().get());
        assertFalse(look.formsShownProperty().get());
        assertFalse(look.glossaryShownProperty().get());
        assertEquals(16, look.normalFontSize(), "the size to remember is the one before presenting");

        look.formsShownProperty().set(true); // asked for while presenting
        look.larger();
        look.togglePresenting();
        assertEquals(16, look.fontSizeProperty().get());
        assertTrue(look.formsShownProperty().get());
        assertTrue(look.glossaryShownProperty().get());
    }

    @Test
    void presenting_keeps_a_size_already_larger_than_the_projector_size() {
        for (int i = 0; i < 5; i++) {
            look.larger(); // 14 → 24
        }
        look.togglePresenting();
        assertEquals(24, look.fontSizeProperty().get());
    }

    @Test
    void a_restored_size_stays_within_the_sizes_offered() {
        look.restore(200, true);
        assertEquals(LookViewModel.LARGEST, look.fontSizeProperty().get());
        assertTrue(look.darkProperty().get());
        look.restore(-3, false);
        assertEquals(LookViewModel.SMALLEST, look.fontSizeProperty().get());
    }

    @Test
    void presenting_finds_anew_what_fits_and_shrinks_a_size_that_does_not() {
        look.checkFitWith(() -> look.fontSizeProperty().get() <= 24);
        for (int press = 0; press < 10; press++) {
            look.larger();
        }
        assertEquals(24, look.largestThatFitsProperty().get());
        look.checkFitWith(() -> look.fontSizeProperty().get() <= 20); // the layout presenting makes
        look.presentingProperty().set(true);
        assertEquals(LookViewModel.LARGEST, look.largestThatFitsProperty().get(), "what fitted before is no guide");
        look.shrinkToFit(LookViewModel.PRESENTING_SIZE);
        assertEquals(20, look.fontSizeProperty().get());
        assertEquals(20, look.largestThatFitsProperty().get());
        look.larger();
        assertEquals(20, look.fontSizeProperty().get());

        look.checkFitWith(() -> look.fontSizeProperty().get() <= 24);
        look.presentingProperty().set(false);
        assertEquals(24, look.fontSizeProperty().get(), "the size from before presenting");
        assertEquals(LookViewModel.LARGEST, look.largestThatFitsProperty().get());
    }

    @Test
    void shrinking_to_fit_stops_at_its_floor() {
        look.restore(24, false);
        look.checkFitWith(() -> false);
        look.shrinkToFit(LookViewModel.PRESENTING_SIZE);
        assertEquals(LookViewModel.PRESENTING_SIZE, look.fontSizeProperty().get());
    }

    @Test
    void larger_stops_at_the_largest_size_that_fits_until_the_window_grows() {
        look.checkFitWith(() -> look.fontSizeProperty().get() <= 20);
        for (int press = 0; press < 10; press++) {
            look.larger();
        }
        assertEquals(20, look.fontSizeProperty().get());
        assertEquals(20, look.largestThatFitsProperty().get());
        look.checkFitWith(() -> look.fontSizeProperty().get() <= 24);
        look.larger();
        assertEquals(20, look.fontSizeProperty().get(), "A+ offers no size found too large until the window grows");
        look.roomGrew();
        look.larger();
        look.larger();
        look.larger();
        assertEquals(24, look.fontSizeProperty().get());
    }
}
