/**
 * Proxy mode: relays a student's requests to their own server as bytes, recorded like the built-in one.
 */
package dev.restlab.proxy;
