package dev.restlab.ui.composer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.client.WindowTag;
import dev.restlab.server.ApiServer;
import dev.restlab.users.InMemoryUserStore;
import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.restlab.ui.ViewModelTestSupport;

class ComposerPaneViewModelTest {

    private ApiServer server;
    private final SimpleIntegerProperty port = new SimpleIntegerProperty(-1);
    private final ComposerPaneViewModel composer = new ComposerPaneViewModel(port, ViewModelTestSupport.SAME_THREAD);

    @BeforeEach
    void start() {
        server = new ApiServer(new InMemoryUserStore());
        port.set(server.start("127.0.0.1", 0));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private ComposerPaneViewModel.Example example(String title) {
        return ComposerPaneViewModel.EXAMPLES.stream().filter(e -> e.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void the_preview_is_the_exact_request_with_host_length_and_close_added() {
        composer.use(example("Create John (201)"));
        String body = "{\"name\": \"John\", \"email\": \"john@example.com\"}";
        assertEquals("POST /people/v1/users HTTP/1.1\r\nHost: 127.0.0.1:" + port.get() + "\r\n"
                + "User-Agent: RestLab-window/0.1 (composer)\r\n"
                + "X-RestLab-Window: " + WindowTag.value(WindowTag.Kind.USER) + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body,
                composer.previewBinding().get());
    }

    @Test
    void each_example_gets_the_status_its_title_promises() {
        for (ComposerPaneViewModel.Example example : ComposerPaneViewModel.EXAMPLES) {
            composer.use(example);
            composer.send();
            String status = example.title().replaceAll(".*\\((\\d{3}|OPTIONS|HEAD)\\)$", "$1");
            String expected = status.matches("\\d{3}") ? status : "200";
            assertTrue(composer.responseProperty().get().startsWith("HTTP/1.1 " + expected + " "),
                    example.title() + ": " + composer.responseProperty().get());
        }
    }

    @Test
    void an_unknown_method_goes_out_as_typed() {
        composer.methodProperty().set("BREW");
        composer.targetProperty().set("/");
        composer.send();
        assertTrue(composer.responseProperty().get().startsWith("HTTP/1.1 405 "), composer.responseProperty().get());
    }

    @Test
    void sending_while_stopped_says_to_start_the_server() {
        port.set(-1);
        composer.send();
        assertTrue(composer.responseProperty().get().contains("The server is stopped"));
    }
}
