package dev.restlab.server;

import dev.restlab.http.PathTemplate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A route table that answers in memory: routes declared as the server declares them, no sockets. */
final class InMemoryRoutes implements Routes {

    private record Route(String method, PathTemplate template, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    @Override
    public void get(String template, Handler handler) {
        routes.add(new Route("GET", new PathTemplate(template), handler));
        routes.add(new Route("HEAD", new PathTemplate(template), handler));
    }

    @Override
    public void post(String template, Handler handler) {
        routes.add(new Route("POST", new PathTemplate(template), handler));
    }

    @Override
    public void delete(String template, Handler handler) {
        routes.add(new Route("DELETE", new PathTemplate(template), handler));
    }

    /** The reply of the route that takes the request; fails the test when none does. */
    Reply answer(FakeRequest request) throws IOException {
        for (Route route : routes) {
            Optional<Map<String, String>> parameters = route.template.parameters(request.path());
            if (route.method.equals(request.method()) && parameters.isPresent()) {
                return route.handler.handle(request.withParameters(parameters.get()));
            }
        }
        throw new AssertionError("no route takes " + request.method() + " " + request.path());
    }
}
