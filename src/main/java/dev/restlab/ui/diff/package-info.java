/**
 * The Diff tab: two exchanges side by side.
 */
package dev.restlab.ui.diff;
