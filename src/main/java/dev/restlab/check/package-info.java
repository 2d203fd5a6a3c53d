/**
 * Grading a server: runs the handout's cases against it and RestLab's own API, and reports by case.
 */
package dev.restlab.check;
