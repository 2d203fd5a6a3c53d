/**
 * The terminal side: serving without a window ({@code Headless}), the lab's ticks and the
 * {@code --trace} printer for a terminal, the {@code --har} file, and {@code restlab check}. No JavaFX.
 */
package dev.restlab.headless;
