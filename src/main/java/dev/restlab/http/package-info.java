/**
 * What the server, the window and the tools share and nothing else: the API's paths, address and
 * port, the request target, path templates, media types, percent-encoding, strict UTF-8. Depends on
 * the JDK alone.
 */
package dev.restlab.http;
