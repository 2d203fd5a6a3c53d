/**
 * HTTP as it crosses the wire: the framing every reader shares, the capture that records each
 * exchange from the socket bytes into the bounded {@code TrafficLog}, the {@code Exchange} value and
 * its parts, and the views of a message ({@code curl -i} text, styled text, HTML, Markdown).
 */
package dev.restlab.wire;
