package dev.restlab.ui.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.diagram.Palette;
import dev.restlab.openapi.ApiDescription;
import dev.restlab.server.ApiServer;
import dev.restlab.testing.FakeDialogs;
import dev.restlab.ui.Fx;
import dev.restlab.ui.diagram.DiagramPaneViewModel.Source;
import dev.restlab.users.InMemoryUserStore;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.TrafficLog;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import dev.restlab.ui.LookViewModel;
import dev.restlab.ui.TrafficModel;
import dev.restlab.ui.UiThreads;
import dev.restlab.ui.WindowTests;

/** The Diagram tab's pane on a real server's traffic, headless: clicks select, exports write files. */
@ExtendWith(ApplicationExtension.class)
class DiagramPaneWindowTest {

    @TempDir
    Path dir;

    private final FakeDialogs dialogs = new FakeDialogs();
    private final LookViewModel look = new LookViewModel();
    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private ApiServer server;
    private TrafficModel traffic;
    private DiagramPaneViewModel diagram;
    private int port;

    @Start
    void start(Stage stage) throws Exception {
        TrafficLog log = new TrafficLog();
        server = new ApiServer(new InMemoryUserStore(), log);
        port = server.start("127.0.0.1", 0);
        traffic = new TrafficModel(log, new UiThreads(io, Platform::runLater), ApiDescription::bundled);
        diagram = new DiagramPaneViewModel(traffic, look, dialogs);
        FXMLLoader loader = new FXMLLoader(DiagramPaneWindowTest.class.getResource("/fxml/diagram/DiagramPane.fxml"));
        loader.setControllerFactory(type -> new DiagramPaneController(diagram, look));
        Parent root = loader.load();
        stage.setScene(new Scene(root, 1100, 800));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        traffic.close();
        server.stop();
        io.shutdownNow();
    }

    private HttpResponse<String> send(HttpClient client, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("User-Agent", "curl/7.88.1");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The handout's POST, GET, DELETE and re-GET: the first two on one kept-alive connection. */
    private void handoutSession() throws Exception {
        HttpClient kept = HttpClient.newHttpClient();
        HttpResponse<String> created = send(kept, "POST", "/people/v1/users", "{\"name\": \"John\", \"email\": \"john@example.com\"}");
        Matcher id = Pattern.compile("ID: (\\S+)").matcher(created.body());
        assertTrue(id.find(), created.body());
        send(kept, "GET", "/people/v1/users", null);
        send(HttpClient.newHttpClient(), "DELETE", "/people/v1/users/" + id.group(1), null);
        send(HttpClient.newHttpClient(), "GET", "/people/v1/users", null);
        WindowTests.waitUntil(() -> diagram.drawnProperty().get().size() == 4);
        WaitForAsyncUtils.waitForFxEvents(); // the drawing is made on the FX thread just after
    }

    @Test
    void clicking_an_arrow_selects_its_exchange_and_pointing_at_it_tells_its_timings(FxRobot robot) throws Exception {
        handoutSession();
        List<Exchange> drawn = diagram.drawnProperty().get();
        assertEquals(List.of("POST", "GET", "DELETE", "GET"), drawn.stream().map(Exchange::method).toList());
        assertEquals(3, diagram.sequenceProperty().get().lanes().stream().filter(l -> !l.isServer()).count(),
                "three connections, the first kept alive for two requests: " + drawn.stream().map(e -> e.connection() + "#" + e.index()).toList());
        Exchange get = drawn.get(1);

        robot.clickOn("#exchange-" + get.id() + "-response");
        WindowTests.waitUntil(() -> traffic.selectedProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(get.id(), traffic.selectedProperty().get().id());
        assertEquals(4, diagram.drawnProperty().get().size(), "the drawing stays as it was");

        Node arrow = Fx.get(() -> robot.lookup("#exchange-" + get.id() + "-response").query());
        Tooltip tip = (Tooltip) arrow.getProperties().get("javafx.scene.control.Tooltip");
        assertNotNull(tip);
        assertTrue(tip.getText().contains("GET /people/v1/users HTTP/1.1\n200 OK\nrequest sent "), tip.getText());
        assertTrue(tip.getText().contains("2nd on connection"), tip.getText());

        robot.clickOn("#exchange-" + drawn.get(0).id() + "-row");
        WindowTests.waitUntil(() -> traffic.selectedProperty().get().id() == drawn.get(0).id());
    }

    @Test
    void the_export_menu_writes_a_png_and_an_svg_where_the_chooser_said(FxRobot robot) throws Exception {
        handoutSession();
        robot.interact(() -> look.darkProperty().set(true));
        Path png = dir.resolve("session.png");
        Path svg = dir.resolve("session.svg");
        dialogs.choosing(png, svg);
        MenuButton export = Fx.get(() -> robot.lookup("#diagramExport").queryAs(MenuButton.class));

        robot.interact(() -> item(export, "exportSequencePng").fire());
        robot.interact(() -> item(export, "exportSequenceSvg").fire());

        Pane pane = Fx.get(() -> robot.lookup("#sequenceDiagram").queryAs(Pane.class));
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "a PNG was written");
        assertEquals(Math.round(2 * pane.getWidth()), image.getWidth(), "twice the screen's pixels");
        assertEquals(0xff000000 | Integer.parseInt(Palette.DARK.background().substring(1), 16), image.getRGB(1, 1),
                "in the window's theme");
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", document.getDocumentElement().getTagName());
        assertTrue(Files.readString(svg).contains("DELETE /people/v1/users/"));
        assertEquals(2, dialogs.fileQuestions().size());
        assertEquals("Saved the sequence diagram as session.svg", diagram.messageProperty().get());
    }

    @Test
    void at_the_largest_text_size_the_drawing_grows_with_it(FxRobot robot) throws Exception {
        handoutSession();
        Pane pane = Fx.get(() -> robot.lookup("#sequenceDiagram").queryAs(Pane.class));
        double normal = pane.getPrefWidth();
        robot.interact(() -> {
            for (int i = 0; i < 20; i++) {
                look.larger();
            }
        });
        assertEquals(normal * LookViewModel.LARGEST / 14.0, pane.getPrefWidth(), 1e-6, "the drawing is in ems of the text size");
        robot.interact(() -> diagram.sourceProperty().set(Source.SELECTED));
        assertTrue(pane.getChildren().isEmpty(), "nothing selected: nothing drawn");
    }

    @Test
    void one_picture_can_have_all_the_room_and_the_other_still_exports(FxRobot robot) throws Exception {
        handoutSession();
        SplitPane split = Fx.get(() -> robot.lookup("#diagramSplit").queryAs(SplitPane.class));
        assertEquals(2, split.getItems().size());

        robot.clickOn("#showSequence");
        assertEquals(1, split.getItems().size());
        assertTrue(robot.lookup("#waterfallScroll").tryQuery().isEmpty(), "the waterfall left the window");
        Path svg = dir.resolve("waterfall.svg");
        dialogs.choosing(svg);
        MenuButton export = Fx.get(() -> robot.lookup("#diagramExport").queryAs(MenuButton.class));
        robot.interact(() -> item(export, "exportWaterfallSvg").fire());
        assertTrue(Files.readString(svg).contains("server time"));

        robot.clickOn("#showBoth");
        assertEquals(2, split.getItems().size());
    }

    private static MenuItem item(MenuButton menu, String id) {
        return menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }
}
