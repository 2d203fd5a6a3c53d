/**
 * The Check tab: grading a server against the handout.
 */
package dev.restlab.ui.check;
