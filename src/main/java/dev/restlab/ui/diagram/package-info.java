/**
 * The Diagram tab: the sequence diagram and the waterfall of the exchanges shown.
 */
package dev.restlab.ui.diagram;
