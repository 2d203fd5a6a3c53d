package dev.restlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.testing.Await;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar restlab.jar --port N} as a user starts it, with the window on the headless
 * Monocle platform: the real App opens its window and the server answers on N, and JavaFX's
 * warning about starting from the class path is not printed.
 */
class AppLaunchTest {

    @Test
    @Timeout(90)
    void the_window_opens_and_its_server_answers_the_handouts_first_curl(@TempDir Path folder) throws Exception {
        Path errors = folder.resolve("stderr.txt");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        Process app = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dprism.text=t2k", "-Djava.awt.headless=true", "-Drestlab.startupMarker=true",
                "-cp", System.getProperty("java.class.path"),
                "dev.restlab.Main", "--port", Integer.toString(port), "--in-memory"))
                .redirectError(errors.toFile())
                .start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
                assertTrue(line != null, "RestLab ended before its window showed");
            } while (!line.equals(StartupMarker.LINE));

            HttpClient http = HttpClient.newHttpClient();
            HttpRequest welcome = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build();
            // The window starts its server as it opens.
            HttpResponse<String> answer = Await.value("something to listen on port " + port, Duration.ofSeconds(30), () -> {
                try {
                    return Optional.of(http.send(welcome, HttpResponse.BodyHandlers.ofString()));
                } catch (IOException notYet) {
                    return Optional.empty();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            });
            assertEquals(200, answer.statusCode());
            assertEquals("<h1>The server is up and running!</h1>\n", answer.body());

            app.toHandle().destroy();
            assertTrue(app.waitFor(30, TimeUnit.SECONDS), "still running after SIGTERM");
            String printed = Files.readString(errors);
            assertFalse(printed.contains("Unsupported JavaFX configuration"), printed);
        } finally {
            app.destroyForcibly();
        }
    }
}
