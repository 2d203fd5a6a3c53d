package dev.restlab.ui;

/**
 * A view laid out to fit its height, never to scroll (the Lab tab): the height it needs at a
 * width, which may be more than it needs for what it shows now. The window's A+ stops at the
 * largest text size at which that height fits.
 */
public interface WholeHeight {

    /** The height the view needs at {@code width} to show whatever it may come to show without scrolling. */
    double heightNeeded(double width);
}
