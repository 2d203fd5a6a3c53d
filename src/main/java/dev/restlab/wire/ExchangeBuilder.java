package dev.restlab.wire;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds an {@link Exchange} from only the parts that matter to the caller; every other part
 * takes a plain default: {@code GET / HTTP/1.1} from 127.0.0.1:50000 on connection 1, answered
 * {@code HTTP/1.1 200 OK} with no headers and no body, all phases at one moment.
 */
public final class ExchangeBuilder {

    private long id;
    private long connectionId = 1;
    private String clientAddress = "127.0.0.1";
    private int clientPort = 50000;
    private Connection connection;
    private int index = 1;
    private Instant started = Instant.now();
    private String method = "GET";
    private String target = "/";
    private String requestVersion = "HTTP/1.1";
    private final List<Header> requestHeaders = new ArrayList<>();
    private Body requestBody = Body.EMPTY;
    private long bytesIn = -1;
    private String responseVersion = "HTTP/1.1";
    private int status = 200;
    private String reason = "OK";
    private final List<Header> responseHeaders = new ArrayList<>();
    private Body responseBody = Body.EMPTY;
    private long bytesOut = -1;
    private final List<Response.Interim> interim = new ArrayList<>();
    private Timings timings;
    private boolean rejected;
    private Ending ending = Ending.ANSWERED;
    private String faultRule;

    ExchangeBuilder() {
    }

    public ExchangeBuilder id(long id) {
        this.id = id;
        return this;
    }

    public ExchangeBuilder client(String address, int port) {
        this.clientAddress = address;
        this.clientPort = port;
        return this;
    }

    public ExchangeBuilder connectionId(long connectionId) {
        this.connectionId = connectionId;
        return this;
    }

    /** Puts the exchange on an existing connection, e.g. a second request on a kept-alive one. */
    public ExchangeBuilder connection(Connection connection, int index) {
        this.connection = connection;
        this.index = index;
        return this;
    }

    public ExchangeBuilder started(Instant started) {
        this.started = started;
        return this;
    }

    public ExchangeBuilder request(String method, String target) {
        this.method = method;
        this.target = target;
        return this;
    }

    public ExchangeBuilder requestVersion(String version) {
        this.requestVersion = version;
        return this;
    }

    public ExchangeBuilder requestHeader(String name, String value) {
        requestHeaders.add(new Header(name, value));
        return this;
    }

    public ExchangeBuilder requestBody(String body) {
        this.requestBody = Body.of(body);
        return this;
    }

    public ExchangeBuilder requestBody(Body body) {
        this.requestBody = body;
        return this;
    }

    public ExchangeBuilder status(int status, String reason) {
        this.status = status;
        this.reason = reason;
        return this;
    }

    public ExchangeBuilder responseVersion(String version) {
        this.responseVersion = version;
        return this;
    }

    public ExchangeBuilder responseHeader(String name, String value) {
        responseHeaders.add(new Header(name, value));
        return this;
    }

    public ExchangeBuilder responseBody(String body) {
        this.responseBody = Body.of(body);
        return this;
    }

    public ExchangeBuilder responseBody(Body body) {
        this.responseBody = body;
        return this;
    }

    public ExchangeBuilder interim(int status, String reason) {
        interim.add(new Response.Interim(responseVersion, status, reason, List.of()));
        return this;
    }

    /** Bytes on the wire each way; by default the sizes of the bodies. */
    public ExchangeBuilder wireBytes(long in, long out) {
        this.bytesIn = in;
        this.bytesOut = out;
        return this;
    }

    /** Phase times on the capture's clock, relative to the connection's accept at nanos 0. */
    public ExchangeBuilder timings(Timings timings) {
        this.timings = timings;
        return this;
    }

    public ExchangeBuilder rejected(boolean rejected) {
        this.rejected = rejected;
        return this;
    }

    /**
     * How the exchange ended. An ending without any answer ({@link Ending#answerBegan()} false)
     * replaces the response with the stand-in of {@link Exchange#noAnswer}.
     */
    public ExchangeBuilder ending(Ending ending) {
        this.ending = ending;
        return this;
    }

    /** The fault rule RestLab applied to the exchange on purpose, as the capture was told. */
    public ExchangeBuilder faultRule(String rule) {
        this.faultRule = rule;
        return this;
    }

    public Exchange build() {
        Connection on = connection != null ? connection
                : new Connection(connectionId, clientAddress, clientPort, started, 0);
        Timings phases = timings != null ? timings : Timings.at(on.acceptedNanos()
                + Duration.between(on.accepted(), started).toNanos());
        Request request = new Request(method, target, requestVersion, requestHeaders, requestBody,
                bytesIn >= 0 ? bytesIn : requestBody.size());
        Response response = ending.answerBegan() ? new Response(responseVersion, status, reason, responseHeaders,
                responseBody, bytesOut >= 0 ? bytesOut : responseBody.size(), interim)
                : Exchange.noAnswer(responseVersion, ending);
        return new Exchange(id, on, index, request, response, phases, rejected, ending, Optional.ofNullable(faultRule));
    }
}
