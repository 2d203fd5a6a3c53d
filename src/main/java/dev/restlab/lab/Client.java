package dev.restlab.lab;

/** Which client a check accepts: any, a terminal (anything but RestLab's window), or the window. */
public enum Client {
    ANY, TERMINAL, WINDOW
}
