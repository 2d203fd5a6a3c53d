/**
 * The top bar: start and stop the server, its port, what it serves and who may connect.
 */
package dev.restlab.ui.serverbar;
