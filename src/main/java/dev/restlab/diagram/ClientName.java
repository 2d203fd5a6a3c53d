package dev.restlab.diagram;

import dev.restlab.client.UserApiClient;
import dev.restlab.wire.Exchange;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a client was, in a few words for a lane's title: {@code RestLab window}, a browser's name
 * and major version, or the first product of its User-Agent ({@code curl/7.88.1}).
 */
public final class ClientName {

    /** Longer names are cut: a User-Agent is whatever the client chose to send. */
    static final int MAX_LENGTH = 24;

    /** Checked in order: Edge and Opera also say Chrome, Chrome also says Safari. */
    private static final Pattern[] BROWSERS = {
        Pattern.compile("(Edg)e?/(\\d+)"),
        Pattern.compile("(OPR)/(\\d+)"),
        Pattern.compile("(Firefox)/(\\d+)"),
        Pattern.compile("(Chrome)/(\\d+)"),
        Pattern.compile("Version/(\\d+)[^ ]* (?:Mobile/\\S+ )?(Safari)/"),
    };

    private ClientName() {
    }

    public static String of(Exchange exchange) {
        if (UserApiClient.sentByWindow(exchange)) {
            return "RestLab window";
        }
        String agent = exchange.request().header("User-Agent").orElse("").strip();
        if (agent.isEmpty()) {
            return "client";
        }
        if (agent.startsWith("Mozilla/")) {
            for (Pattern browser : BROWSERS) {
                Matcher found = browser.matcher(agent);
                if (found.find()) {
                    return browser == BROWSERS[4] ? "Safari " + found.group(1) : browserName(found.group(1)) + " " + found.group(2);
                }
            }
            return "browser";
        }
        int space = agent.indexOf(' ');
        return Labels.cut(space < 0 ? agent : agent.substring(0, space), MAX_LENGTH);
    }

    private static String browserName(String token) {
        return switch (token) {
            case "Edg" -> "Edge";
            case "OPR" -> "Opera";
            default -> token;
        };
    }

    /** The client's address and port, {@code 127.0.0.1:53422}, with brackets around IPv6. */
    public static String address(Exchange exchange) {
        String host = exchange.connection().clientAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + exchange.connection().clientPort();
    }
}
