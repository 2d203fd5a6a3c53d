/**
 * The window's shell: the main layout, presentation mode, shortcuts, where the window is kept.
 */
package dev.restlab.ui.window;
