package dev.restlab.ui.window;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import dev.restlab.ui.LookViewModel;

/**
 * Opens the window where it belongs (see {@link WindowPlacement}) as it was left last time, and
 * remembers how it is left: size, position, maximised, dividers, theme, text size and open tab.
 */
public final class WindowKeeper {

    /** The split panes whose dividers are remembered, by id. */
    static final List<String> SPLITS = List.of("mainSplit", "listAndExchange", "requestAndResponse");

    private final Stage stage;
    private final Parent root;
    private final LookViewModel look;
    private final WindowLayoutStore store;
    private Rectangle2D normalBounds;
    /** Remembered dividers of views not built yet (a tab not opened this time): kept, and set once built. */
    private final Map<String, Double> pendingDividers = new LinkedHashMap<>();

    private WindowKeeper(Stage stage, Parent root, LookViewModel look, WindowLayoutStore store) {
        this.stage = stage;
        this.root = root;
        this.look = look;
        this.store = store;
    }

    /** Shows {@code root} in {@code stage} on the screens there are now, laid out as {@code store} remembers. */
    public static WindowKeeper show(Stage stage, Parent root, LookViewModel look, WindowLayoutStore store) {
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        return show(stage, root, look, store, Screen.getPrimary().getVisualBounds(), screens);
    }

    /** The same on the given screens' visible bounds (tests pass their own). */
    static WindowKeeper show(Stage stage, Parent root, LookViewModel look, WindowLayoutStore store,
            Rectangle2D main, List<Rectangle2D> screens) {
        WindowKeeper keeper = new WindowKeeper(stage, root, look, store);
        Optional<WindowLayout> saved = store.read();
        saved.ifPresent(layout -> look.restore(layout.fontSize(), layout.dark()));
        Rectangle2D place = WindowPlacement.place(saved.map(WindowLayout::bounds), main, screens);
        // Chosen before the window has a scene, so that the remembered tab is the one built first.
        saved.ifPresent(layout -> TabViews.of(root).ifPresent(tabs -> tabs.select(layout.tab())));
        // Laid out first at about its final size, so that the split panes' dividers start where they should.
        stage.setScene(new Scene(root, place.getWidth(), place.getHeight()));
        stage.setX(place.getMinX());
        stage.setY(place.getMinY());
        stage.setWidth(place.getWidth());
        stage.setHeight(place.getHeight());
        keeper.normalBounds = place;
        keeper.followNormalBounds();
        stage.show();
        stage.requestFocus(); // where no window manager gives a new window the keyboard
        if (saved.isPresent()) {
            keeper.pendingDividers.putAll(saved.get().dividers());
            keeper.restoreDividers();
            stage.setMaximized(saved.get().maximized());
        }
        // A tab's view is built as it is selected, before this listener (added later) hears of it.
        TabViews.of(root).ifPresent(tabs -> tabs.selectedProperty().addListener((o, was, now) -> keeper.restoreDividers()));
        return keeper;
    }

    /** Writes how the window is now; called as it closes. */
    public void save() throws IOException {
        look.presentingProperty().set(false); // the normal layout is the one to come back to
        store.write(current());
    }

    WindowLayout current() {
        Map<String, Double> dividers = new LinkedHashMap<>(pendingDividers);
        for (String id : SPLITS) {
            split(id).filter(s -> !s.getDividers().isEmpty())
                    .ifPresent(s -> dividers.put(id, s.getDividers().get(0).getPosition()));
        }
        return new WindowLayout(normalBounds, stage.isMaximized(), dividers, look.darkProperty().get(),
                look.normalFontSize(), TabViews.of(root).map(TabViews::selectedId).orElse(""));
    }

    /** Keeps the last bounds the window had when neither maximised nor full screen nor presenting. */
    private void followNormalBounds() {
        Runnable note = () -> {
            if (!stage.isMaximized() && !stage.isFullScreen() && !look.presentingProperty().get()
                    && stage.getWidth() > 0 && stage.getHeight() > 0) {
                normalBounds = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }
        };
        stage.xProperty().addListener((o, was, now) -> note.run());
        stage.yProperty().addListener((o, was, now) -> note.run());
        stage.widthProperty().addListener((o, was, now) -> note.run());
        stage.heightProperty().addListener((o, was, now) -> note.run());
    }

    /** Sets each pending divider whose split pane is in the window now. */
    private void restoreDividers() {
        pendingDividers.entrySet().removeIf(divider -> split(divider.getKey())
                .filter(s -> !s.getDividers().isEmpty())
                .map(s -> {
                    s.setDividerPosition(0, divider.getValue());
                    return true;
                }).orElse(false));
    }

    /** Found by id once the window is shown (a tab's content has no parent before its skin exists). */
    private Optional<SplitPane> split(String id) {
        Node node = root.lookup("#" + id);
        return node instanceof SplitPane pane ? Optional.of(pane) : Optional.empty();
    }
}
