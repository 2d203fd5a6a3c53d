/**
 * The Composer tab: a raw request typed by hand and sent as written.
 */
package dev.restlab.ui.composer;
