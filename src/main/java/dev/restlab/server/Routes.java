package dev.restlab.server;

/**
 * Where routes are declared: each method of each path template (such as
 * {@code /people/v1/users/{id}}) gets one handler. A GET route also answers HEAD.
 */
interface Routes {

    void get(String template, Handler handler);

    void post(String template, Handler handler);

    void delete(String template, Handler handler);
}
