/**
 * The sequence diagram and the waterfall as pure layouts of exchanges, drawn through one
 * {@code Drawing} interface into JavaFX shapes, SVG or PNG; no JavaFX inside.
 */
package dev.restlab.diagram;
