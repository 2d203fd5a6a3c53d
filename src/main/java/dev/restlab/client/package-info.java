/**
 * How the window talks HTTP to any server: {@code UserApiClient} and the raw client of the composer.
 */
package dev.restlab.client;
