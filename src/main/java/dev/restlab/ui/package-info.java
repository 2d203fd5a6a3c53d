/**
 * What the window's parts share: {@code Dialogs} (the seam through which ViewModels ask, choose
 * files and copy), {@code UiThreads} and {@code Delays} (threading at one seam), the look and cells.
 * Each part of the window has its own package below: FXML view, thin controller, ViewModel.
 */
package dev.restlab.ui;
