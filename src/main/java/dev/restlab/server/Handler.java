package dev.restlab.server;

import java.io.IOException;

/** One route: answers a request with a reply. */
@FunctionalInterface
interface Handler {

    Reply handle(RouteRequest request) throws IOException;
}
