/**
 * The entry point: {@code Main} parses the flags once into {@code Options} and hands them to the
 * window ({@code app}) or the terminal ({@code headless}).
 */
package dev.restlab;
