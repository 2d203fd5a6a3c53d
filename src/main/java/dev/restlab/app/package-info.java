/**
 * The JavaFX composition: {@code App} starts the window, {@code Workbench} wires the server, the
 * window's HTTP client, the ViewModels and the FXML views. The one place that knows every layer
 * of the window; nothing below it knows JavaFX.
 */
package dev.restlab.app;
