package dev.restlab.http;

/**
 * The API's fixed names, shared by the server that serves them and the window that calls them,
 * so the two cannot drift apart.
 */
public final class Api {

    /** The handout's collection of users; one user is at {@code USERS + "/" + id}. */
    public static final String USERS = "/people/v1/users";

    /** One user, as a {@link PathTemplate}. */
    public static final String USER = USERS + "/{id}";

    /** This computer only: the address RestLab serves on unless told otherwise. */
    public static final String LOOPBACK = "127.0.0.1";

    /** Every network interface of this computer. */
    public static final String ALL_INTERFACES = "0.0.0.0";

    /** RestLab's version, as {@code --version} and the files it writes (HAR) name it. */
    public static final String VERSION = "0.1.0";

    /** The handout's port, so its curl commands work unchanged. */
    public static final int DEFAULT_PORT = 5001;

    /**
     * The header with which the window marks its own requests (its value is a secret of the
     * running window); copied commands leave it out.
     */
    public static final String WINDOW_TAG_HEADER = "X-RestLab-Window";

    /** The User-Agent of the window's requests; copied commands leave it out, so curl sends its own. */
    public static final String WINDOW_USER_AGENT = "RestLab-window/0.1";

    /** How the User-Agent of every request {@code restlab check} sends begins. */
    public static final String CHECK_USER_AGENT_PRODUCT = "RestLab-check/";

    private Api() {
    }

    /**
     * True for a request {@code restlab check} (or the window's Check tab) sent: fault rules never
     * touch it, even when a teacher grades RestLab's own port while faults are on, because a grade
     * is about the student's server, not about a lesson in misbehaviour.
     */
    public static boolean sentByCheck(String userAgent) {
        return userAgent != null && userAgent.startsWith(CHECK_USER_AGENT_PRODUCT);
    }

    /** The base URL of a server on this computer, e.g. {@code http://127.0.0.1:5001}. */
    public static String loopbackUrl(int port) {
        return "http://" + LOOPBACK + ":" + port;
    }
}
