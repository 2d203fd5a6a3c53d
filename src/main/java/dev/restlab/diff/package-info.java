/**
 * Two exchanges compared part by part: headers by name, JSON by meaning, text by line.
 */
package dev.restlab.diff;
