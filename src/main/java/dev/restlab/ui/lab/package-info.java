/**
 * The Lab tab: the checklist that ticks from live traffic, the current step and its command.
 */
package dev.restlab.ui.lab;
