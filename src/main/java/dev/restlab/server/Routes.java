package dev.restlab.server;

/**
 * Where routes are declared: each method of each path template (such as
 * {@code /people/v1/users/{id}}) gets one handler. A GET route also answers HEAD.
 */
interface Routes {

    void get(String template, Handler handler);

    /**
     * A GET route whose template stands for a fixed set of paths (the Swagger UI files): a path
     * it matches but {@code served} refuses is a path nothing is served at, for every method,
     * OPTIONS included, so that OPTIONS and PUT say what GET says.
     */
    default void get(String template, java.util.function.Predicate<String> served, Handler handler) {
        get(template, handler);
    }

    void post(String template, Handler handler);

    void delete(String template, Handler handler);
}
