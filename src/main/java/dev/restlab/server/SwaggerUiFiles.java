package dev.restlab.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The files of the Swagger UI page at {@code /docs}: the scripts, stylesheet and icons of the
 * pinned {@code org.webjars:swagger-ui} jar, plus RestLab's own page and initializer (which point
 * Swagger UI at {@code /openapi.json}). Only these named files are served: a request names a key
 * of a fixed table, never a path into the jar.
 */
final class SwaggerUiFiles {

    static final String CSS = "text/css;charset=utf-8";
    static final String JAVASCRIPT = "text/javascript;charset=utf-8";
    static final String PNG = "image/png";

    private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/";
    private static final String WEBJAR_VERSION = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final String OURS = "/openapi/swagger-ui/";

    /** A file's type and bytes. */
    record File(String contentType, byte[] bytes) {
    }

    private final File page;
    private final Map<String, File> assets;

    private SwaggerUiFiles() {
        String webjar = WEBJAR + webjarVersion() + "/";
        page = new File(Reply.HTML, read(OURS + "index.html"));
        assets = Map.of(
                "swagger-ui.css", new File(CSS, read(webjar + "swagger-ui.css")),
                "swagger-ui-bundle.js", new File(JAVASCRIPT, read(webjar + "swagger-ui-bundle.js")),
                "swagger-initializer.js", new File(JAVASCRIPT, read(OURS + "swagger-initializer.js")),
                "favicon-32x32.png", new File(PNG, read(webjar + "favicon-32x32.png")),
                "favicon-16x16.png", new File(PNG, read(webjar + "favicon-16x16.png")));
    }

    /** Read once per JVM, on first use: the bundle is 1.7 MB. */
    static SwaggerUiFiles get() {
        return Holder.INSTANCE;
    }

    File page() {
        return page;
    }

    Optional<File> asset(String name) {
        return Optional.ofNullable(assets.get(name));
    }

    private static String webjarVersion() {
        Properties pom = new Properties();
        try (InputStream in = stream(WEBJAR_VERSION)) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static byte[] read(String resource) {
        try (InputStream in = stream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String resource) {
        InputStream in = SwaggerUiFiles.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is missing from the classpath (the swagger-ui webjar?)");
        }
        return in;
    }

    private static final class Holder {
        static final SwaggerUiFiles INSTANCE = new SwaggerUiFiles();
    }
}
