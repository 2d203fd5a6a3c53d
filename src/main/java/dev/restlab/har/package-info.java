/**
 * Exchanges as HAR 1.2 files and back; the only code that sees the HAR library's model.
 */
package dev.restlab.har;
