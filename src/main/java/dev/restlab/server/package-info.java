/**
 * The embedded server: {@code ApiServer} (lifecycle), {@code Router} (the one Spark adapter),
 * {@code UserRoutes} (the handout's API), the limits that keep clients honest.
 */
package dev.restlab.server;
