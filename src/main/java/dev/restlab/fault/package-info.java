/**
 * Faults on purpose: the one rule syntax ({@code ACTION [ARGS] [rate P] [on [METHOD] [PATH]]}) that the
 * headless {@code --fault} flag, the window's Faults tab and a lab step's {@code faults:} all read,
 * and the rules in force. Nothing here touches a connection: the server and the proxy act on them.
 */
package dev.restlab.fault;
