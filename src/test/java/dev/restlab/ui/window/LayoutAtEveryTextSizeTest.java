package dev.restlab.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.app.Workbench;
import dev.restlab.app.WorkbenchSettings;
import dev.restlab.ui.Fx;
import dev.restlab.users.InMemoryUserStore;
import dev.restlab.users.UserStore;
import dev.restlab.wire.Exchange;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.fxmisc.richtext.StyleClassedTextArea;
import dev.restlab.ui.LookViewModel;
import dev.restlab.ui.WindowTests;

/**
 * The window at every text size that A− and A+ offer on a 1024×768 and on a 1280×800 screen, light
 * and dark, with presentation mode off and on: no named part is drawn over another, no button or
 * named label is cut short, no table column is narrower than its header, the columns a lesson is
 * about (Method, Path, Status; Name, Email) are wholly in view, the traffic list shows rows, the
 * request and response keep a few lines each (the traffic tab scrolls instead of squashing them)
 * and a popup takes the text size. While presenting, each of the handout's answers (the POST's
 * 201, the list, a 404) is in view whole with its request, and its path is not cut.
 */
@ExtendWith(ApplicationExtension.class)
class LayoutAtEveryTextSizeTest {

    /** A line of text is about this many times the font size high. */
    private static final double LINE_HEIGHT = 1.2;
    private static final Pattern FONT_SIZE = Pattern.compile("-fx-font-size: (\\d+)px");

    /** A folder path as long as a teacher's can be, with no space to wrap at. */
    private static final String LONG_LOCATION =
            "/home/teacher-with-a-long-name/.local/share/restlab/classes/2026-autumn/group-3b-thursday/users.db";

    /** Users in memory, said to be kept in a long path: the top bar must wrap it, not widen the window. */
    private final UserStore store = keptIn(LONG_LOCATION, new InMemoryUserStore());
    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        workbench = WindowTests.show(stage, new Workbench(store, WorkbenchSettings.listening("127.0.0.1", 0, url -> { })), 1024, 768);
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void every_text_size_lays_out_without_overlap_or_cut_headers(FxRobot robot) throws Exception {
        int port = WindowTests.port(workbench);
        String users = "http://127.0.0.1:" + port + "/people/v1/users";
        // HTTP/1.1 as curl speaks it (no HTTP/2 upgrade headers in the request shown).
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // The handout's session, as curl sends it: the POST's 201, the list, the filter, a 404, and an OPTIONS.
        send(client, HttpRequest.newBuilder(URI.create(users)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"John\", \"email\": \"john@example.com\"}")), 201);
        send(client, HttpRequest.newBuilder(URI.create(users)), 200);
        send(client, HttpRequest.newBuilder(URI.create(users + "?name=John")), 200);
        send(client, HttpRequest.newBuilder(URI.create(users + "/864d82a5-e4e2-4b17-8358-d0d66d34e470")), 404);
        send(client, HttpRequest.newBuilder(URI.create(users)).method("OPTIONS", HttpRequest.BodyPublishers.noBody()), 200);
        @SuppressWarnings("unchecked")
        TableView<Exchange> traffic = Fx.get(() -> robot.lookup("#trafficTable").queryAs(TableView.class));
        TableView<?> usersTable = Fx.get(() -> robot.lookup("#usersTable").queryAs(TableView.class));
        WindowTests.waitUntil(() -> traffic.getItems().size() >= 5 && usersTable.getItems().size() == 1);
        List<Exchange> handout = List.of(exchange(traffic, "POST", 201), exchange(traffic, "GET", 200),
                exchange(traffic, "GET", 404));
        robot.interact(() -> traffic.getSelectionModel().select(1));

        for (double[] screen : new double[][] {{1024, 768}, {1280, 800}}) {
            for (boolean dark : new boolean[] {false, true}) {
                for (boolean presenting : new boolean[] {false, true}) {
                    String look = (int) screen[0] + "×" + (int) screen[1] + (dark ? ", dark" : ", light")
                            + (presenting ? ", presenting" : "");
                    arrange(robot, screen, dark, presenting);
                    if (presenting) {
                        // Presenting starts at the size the last walk ended at: no size change lays the list out anew.
                        settle();
                        for (Exchange exchange : handout) {
                            assertExchangeWhole(robot, traffic, exchange, look + " as it starts at " + fontSize() + "px");
                        }
                    }
                    everySize(robot, look, traffic, usersTable, presenting ? handout : List.of());
                    // A+ stops at the largest size that fits; on a projector's 1024×768 that is at least three
                    // presses from the default (the size presenting uses).
                    assertTrue(fontSize() >= LookViewModel.PRESENTING_SIZE, look + ": A+ stops at " + fontSize() + "px");
                    assertEquals(fontSize(), workbench.look().largestThatFitsProperty().get());
                    assertTrue(robot.lookup("#larger").query().isDisabled(), look + ": A+ stays enabled at the largest size");
                    assertOtherTabsAtTheLargestSize(robot, look + " at " + fontSize() + "px", presenting);
                }
            }
        }
    }

    /**
     * The theme, presentation mode and the window's size, as a teacher sets them. Presenting goes
     * full screen, and the test's screen is 1280×800: a projector's smaller screen is a window of its size.
     */
    private void arrange(FxRobot robot, double[] screen, boolean dark, boolean presenting) {
        robot.interact(() -> {
            workbench.look().darkProperty().set(dark);
            workbench.look().presentingProperty().set(presenting);
            stage.setFullScreen(false);
            stage.setWidth(screen[0]);
            stage.setHeight(screen[1]);
        });
        settle();
    }

    /** From the smallest size up to the largest, every size A− and A+ offer, each checked. */
    private void everySize(FxRobot robot, String look, TableView<Exchange> traffic, TableView<?> usersTable,
            List<Exchange> wholeInView) throws Exception {
        // What A− and A+ do (a click could land on the tooltip the last click left over them).
        while (fontSize() > LookViewModel.SMALLEST) {
            robot.interact(workbench.look()::smaller);
        }
        int before = -1;
        while (fontSize() != before) {
            before = fontSize();
            settle();
            String where = look + " at " + before + "px";
            assertTopBarFits(where);
            assertNoOverlap(where);
            assertWhole(where);
            assertHeadersFit(traffic, where);
            assertColumnsInView(traffic, where, "Method", "Path", "Status");
            if (usersTable.isVisible() && usersTable.getScene() != null && !workbench.look().presentingProperty().get()) {
                assertHeadersFit(usersTable, where);
                assertColumnsInView(usersTable, where, "Name", "Email");
            }
            assertTrafficRowsShown(traffic, before, where);
            assertWireTextReadable(robot, before, where);
            assertPopupFollowsTextSize(robot, before, where);
            for (Exchange exchange : wholeInView) {
                assertExchangeWhole(robot, traffic, exchange, where);
            }
            robot.interact(workbench.look()::larger);
        }
    }

    /**
     * At the largest size, a look at the tabs other parts of the window own (their own tests walk
     * every size): the lab's current command and its Copy whole in view, and, while presenting
     * (Fit width is the default then), every text of the sequence diagram inside its view.
     */
    private void assertOtherTabsAtTheLargestSize(FxRobot robot, String where, boolean presenting) {
        robot.interact(() -> workbench.tabs().select("labTab"));
        settle();
        for (String id : List.of("#labCommand", "#copyCommand")) {
            Node node = Fx.get(() -> robot.lookup(id).query());
            assertTrue(node.isVisible() && whole(node, null)
                    && shownBounds(node).orElseThrow().getWidth() >= node.getLayoutBounds().getWidth() - 1,
                    where + ": the lab's " + id + " is not wholly in view: " + shownBounds(node));
        }
        robot.interact(() -> workbench.tabs().select("checkTab"));
        settle();
        for (String id : List.of("#checkUrl", "#checkRoster")) {
            // Room for a server's URL or a roster's path: eight letters' width at least (the roster's
            // field had shrunk to a sliver beside the class's four buttons on 1024×768).
            Region field = Fx.get(() -> robot.lookup(id).queryAs(Region.class));
            assertTrue(field.getWidth() >= 8 * fontSize(),
                    where + ": the Check tab's " + id + " is " + field.getWidth() + " px wide, too narrow to type in");
        }
        if (presenting) {
            robot.interact(() -> workbench.tabs().select("diagramTab"));
            settle();
            Node scroll = Fx.get(() -> robot.lookup("#sequenceScroll").query());
            Node drawing = Fx.get(() -> robot.lookup("#sequenceDiagram").query());
            Bounds view = scroll.localToScene(scroll.getLayoutBounds());
            List<String> outside = drawing.lookupAll("*").stream()
                    .filter(node -> node instanceof Text text && !text.getText().isBlank())
                    .filter(node -> {
                        Bounds shown = node.localToScene(node.getBoundsInLocal());
                        return shown.getMinX() < view.getMinX() - 0.5 || shown.getMaxX() > view.getMaxX() + 0.5;
                    }).map(node -> ((Text) node).getText()).toList();
            assertTrue(drawing.lookupAll("*").stream().anyMatch(Text.class::isInstance), where + ": no diagram drawn");
            assertEquals(List.of(), outside, where + ": diagram texts off the view with Fit width");
        }
        robot.interact(() -> workbench.tabs().select("trafficTab"));
        settle();
    }

    private static Exchange exchange(TableView<Exchange> traffic, String method, int status) {
        return traffic.getItems().stream().filter(e -> e.method().equals(method) && e.status() == status
                && !e.target().contains("?")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + method + " answered " + status + " in " + traffic.getItems()));
    }

    /**
     * The exchange selected, as a teacher clicks its row: its row's path is whole, and its request
     * and its whole response are in view without scrolling (no pane scrolls, none is cut by the window).
     */
    private void assertExchangeWhole(FxRobot robot, TableView<Exchange> traffic, Exchange exchange, String where) {
        robot.interact(() -> traffic.getSelectionModel().clearAndSelect(traffic.getItems().indexOf(exchange)));
        StyleClassedTextArea response = Fx.get(() -> robot.lookup("#responseText").queryAs(StyleClassedTextArea.class));
        WindowTests.waitUntil(() -> response.getText().startsWith("HTTP/1.1 " + exchange.status()));
        settle();
        for (String id : List.of("#requestText", "#responseText")) {
            StyleClassedTextArea area = Fx.get(() -> robot.lookup(id).queryAs(StyleClassedTextArea.class));
            String what = where + ": " + exchange.method() + " " + exchange.target() + " → " + exchange.status() + ", " + id;
            assertTrue(whole(area, null) && shownBounds(area).orElseThrow().getWidth() >= area.getWidth() - 1,
                    what + " is cut by the window: " + shownBounds(area) + " of " + area.getLayoutBounds());
            Double content = area.getTotalHeightEstimate();
            assertTrue(content != null && content <= area.getViewportHeight() + 0.5,
                    what + " needs " + content + " px, shows " + area.getViewportHeight());
        }
        List<String> cutPaths = traffic.lookupAll(".table-cell").stream()
                .filter(cell -> cell instanceof TableCell<?, ?> c && c.getTableColumn() != null
                        && "Path".equals(c.getTableColumn().getText()) && WindowTests.shows(c))
                .map(cell -> (Labeled) cell)
                .filter(cell -> shownText(cell).filter(shown -> !shown.equals(cell.getText())).isPresent())
                .map(Labeled::getText).toList();
        assertTrue(cutPaths.isEmpty(), where + ": paths cut short while presenting: " + cutPaths);
    }

    /** A tooltip opened now takes the window's text size (its theme says 14 px). */
    private void assertPopupFollowsTextSize(FxRobot robot, int fontSize, String where) {
        Tooltip tip = new Tooltip("Sent by curl");
        robot.interact(() -> tip.show(stage));
        try {
            WaitForAsyncUtils.waitForFxEvents();
            double size = tip.getScene().getRoot().lookupAll(".tooltip").stream()
                    .filter(node -> node instanceof Labeled labeled && tip.getText().equals(labeled.getText()))
                    .mapToDouble(node -> ((Labeled) node).getFont().getSize()).findFirst().orElse(-1);
            assertEquals(fontSize, size, 0.5, where + ": a tooltip's text is " + size + " px");
        } finally {
            robot.interact(tip::hide);
        }
    }

    /** The request and response each keep at least four lines of text: the tab scrolls instead. */
    private static void assertWireTextReadable(FxRobot robot, int fontSize, String where) {
        for (String id : List.of("#requestText", "#responseText")) {
            Region text = Fx.get(() -> robot.lookup(id).queryAs(Region.class));
            double lines = text.getHeight() / (fontSize * LINE_HEIGHT);
            assertTrue(lines >= 4, where + ": " + id + " is " + text.getHeight() + " px high, " + lines + " lines");
        }
    }

    /**
     * The traffic list is high enough for three whole rows (or all there are); up to the size
     * presenting uses (three presses of A+ from the default), they are in view without scrolling.
     */
    private static void assertTrafficRowsShown(TableView<?> traffic, int fontSize, String where) {
        List<Node> rows = traffic.lookupAll(".table-row-cell").stream()
                .filter(row -> row instanceof TableRow<?> r && r.isVisible() && r.getItem() != null).toList();
        long wanted = Math.min(3, traffic.getItems().size());
        long inTable = rows.stream().filter(row -> whole(row, traffic)).count();
        assertTrue(inTable >= wanted, where + ": the traffic list has room for " + inTable + " whole rows");
        if (fontSize <= LookViewModel.PRESENTING_SIZE) {
            long inWindow = rows.stream().filter(row -> whole(row, null)).count();
            assertTrue(inWindow >= wanted, where + ": " + inWindow + " whole traffic rows in view without scrolling");
        }
    }

    /** Whether {@code node} is drawn whole within the clips up to {@code upTo} (null: the whole window). */
    private static boolean whole(Node node, Node upTo) {
        return shownBounds(node, upTo).filter(b -> b.getHeight() >= node.getLayoutBounds().getHeight() - 1).isPresent();
    }

    private static UserStore keptIn(String location, UserStore users) {
        return (UserStore) Proxy.newProxyInstance(UserStore.class.getClassLoader(), new Class<?>[] {UserStore.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("location")) {
                        return location;
                    }
                    try {
                        return method.invoke(users, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The top bar is as wide as the window: nothing holds the window wider than the screen. */
    private void assertTopBarFits(String where) {
        Region bar = (Region) workbench.root().lookup(".server-bar");
        double window = workbench.root().getScene().getWidth();
        assertTrue(bar.getWidth() <= window + 0.5, where + ": the top bar is " + bar.getWidth() + " wide in a " + window + " window");
    }

    private static void send(HttpClient client, HttpRequest.Builder request, int status) throws Exception {
        HttpResponse<Void> answer = client.send(request.header("User-Agent", "curl/8.0").build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(status, answer.statusCode());
    }

    private int fontSize() {
        Matcher size = FONT_SIZE.matcher(workbench.root().getStyle());
        assertTrue(size.find(), workbench.root().getStyle());
        return Integer.parseInt(size.group(1));
    }

    /** Two layout passes: the column widths follow the font a pulse after the text size changes. */
    private static void settle() {
        for (int pass = 0; pass < 3; pass++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private void assertNoOverlap(String where) {
        List<Node> named = new ArrayList<>();
        collectNamed(workbench.root(), named);
        List<String> overlaps = new ArrayList<>();
        for (int i = 0; i < named.size(); i++) {
            Optional<Bounds> a = shownBounds(named.get(i));
            for (int j = i + 1; j < named.size() && a.isPresent(); j++) {
                Node first = named.get(i);
                Node second = named.get(j);
                if (isAncestor(first, second) || isAncestor(second, first)) {
                    continue;
                }
                Optional<Bounds> b = shownBounds(second);
                if (b.isPresent() && overlap(a.get(), b.get())) {
                    overlaps.add("#" + first.getId() + " " + a.get() + " and #" + second.getId() + " " + b.get());
                }
            }
        }
        assertTrue(overlaps.isEmpty(), where + ": drawn over each other: " + overlaps);
    }

    /** Every named button and one-line label shows its whole text, not a shortened one. */
    private void assertWhole(String where) {
        List<Node> named = new ArrayList<>();
        collectNamed(workbench.root(), named);
        List<String> cut = new ArrayList<>();
        for (Node node : named) {
            if (node instanceof Labeled labeled && shownBounds(node).isPresent()) {
                shownText(labeled).filter(shown -> !shown.equals(withoutMnemonic(labeled)))
                        .ifPresent(shown -> cut.add("#" + node.getId() + " shows '" + shown + "' of '" + labeled.getText() + "'"));
            }
        }
        assertTrue(cut.isEmpty(), where + ": cut short: " + cut);
    }

    /** The text as drawn: "_Create" shows as "Create", its C underlined while Alt is held. */
    private static String withoutMnemonic(Labeled labeled) {
        String text = labeled.getText();
        int mark = text.indexOf('_');
        return labeled.isMnemonicParsing() && mark >= 0 && mark + 1 < text.length() && text.charAt(mark + 1) != '_'
                ? text.substring(0, mark) + text.substring(mark + 1) : text;
    }

    private static void assertHeadersFit(TableView<?> table, String where) {
        for (Node header : table.lookupAll(".column-header")) {
            Node label = header.lookup(".label");
            if (label instanceof Labeled labeled && !labeled.getText().isEmpty()) {
                Optional<String> shown = shownText(labeled);
                assertTrue(shown.isEmpty() || shown.get().equals(labeled.getText()),
                        where + ": header '" + labeled.getText() + "' of #" + table.getId() + " shows as " + shown);
            }
        }
        for (TableColumn<?, ?> column : table.getColumns()) {
            assertTrue(!column.isVisible() || column.getWidth() >= column.getMinWidth() - 0.5,
                    where + ": column " + column.getText() + " is " + column.getWidth() + " wide, under its " + column.getMinWidth());
        }
    }

    /** What a lesson is about is in view, whole, without scrolling the table sideways. */
    private static void assertColumnsInView(TableView<?> table, String where, String... titles) {
        for (String title : titles) {
            Node header = table.lookupAll(".column-header").stream()
                    .filter(h -> h.lookup(".label") instanceof Labeled l && l.getText().equals(title))
                    .findFirst().orElseThrow(() -> new AssertionError(where + ": #" + table.getId() + " has no " + title + " column"));
            Optional<Bounds> shown = shownBounds(header);
            assertTrue(header.isVisible() && shown.isPresent() && shown.get().getWidth() >= header.getLayoutBounds().getWidth() - 1,
                    where + ": the " + title + " column of #" + table.getId() + " is not wholly in view: " + shown
                            + " of " + header.getLayoutBounds());
        }
    }

    /** The text a Labeled's skin draws (with an ellipsis when it had to shorten it). */
    private static Optional<String> shownText(Labeled labeled) {
        return labeled.getChildrenUnmodifiable().stream()
                .filter(Text.class::isInstance).map(t -> ((Text) t).getText()).findFirst();
    }

    private static void collectNamed(Node node, List<Node> named) {
        if (!node.isVisible()) {
            return;
        }
        if (node.getId() != null && !node.getId().isEmpty()) {
            named.add(node);
        }
        // A table's cells carry their column's id; a cell may be cut short (its tooltip shows it all).
        if (node instanceof Parent parent && !(node instanceof TableView)) {
            parent.getChildrenUnmodifiable().forEach(child -> collectNamed(child, named));
        }
    }

    /** A node's bounds in the scene as far as they are drawn: cut by the clips around it (scrolled panes). */
    private static Optional<Bounds> shownBounds(Node node) {
        return shownBounds(node, null);
    }

    /** As {@link #shownBounds(Node)}, cut only by the clips up to {@code upTo} when it is not null. */
    private static Optional<Bounds> shownBounds(Node node, Node upTo) {
        Bounds shown = node.localToScene(node.getLayoutBounds());
        Bounds scene = new BoundingBox(0, 0, node.getScene().getWidth(), node.getScene().getHeight());
        shown = upTo == null ? intersection(shown, scene) : shown;
        Node last = upTo == null ? null : upTo.getParent();
        for (Node around = node; around != last && shown != null; around = around.getParent()) {
            if (around.getClip() != null) {
                shown = intersection(shown, around.localToScene(around.getClip().getBoundsInParent()));
            }
        }
        return Optional.ofNullable(shown);
    }

    private static Bounds intersection(Bounds a, Bounds b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return maxX - minX > 0.5 && maxY - minY > 0.5 ? new BoundingBox(minX, minY, maxX - minX, maxY - minY) : null;
    }

    /** More than a hairline in both directions: borders that touch are not an overlap. */
    private static boolean overlap(Bounds a, Bounds b) {
        Bounds both = intersection(a, b);
        return both != null && both.getWidth() > 1 && both.getHeight() > 1;
    }

    private static boolean isAncestor(Node ancestor, Node node) {
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up == ancestor) {
                return true;
            }
        }
        return false;
    }
}
