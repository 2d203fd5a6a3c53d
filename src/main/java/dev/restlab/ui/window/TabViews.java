package dev.restlab.ui.window;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The window's tabs, each built the first time it is needed rather than all before the window
 * shows (building the seven views took half of the start). A tab names its view in MainWindow.fxml,
 * {@code <properties view="/fxml/lab/LabPane.fxml" scrolls="true"/>}, and gets it (inside a
 * ScrollPane when it scrolls rather than squash) when it is first selected, when the window gets its
 * scene (the tab open then), or in the background once the first frame is drawn
 * ({@link #buildOthersAfterFirstFrame}). Until then the tab has no content at all: the tab pane
 * skins and styles every tab's content, shown or not, and seven empty scroll panes were a sixth of
 * the nodes of the first frame.
 * Only when a view is built changes: its FXML, controller and ViewModel stay as they are, and
 * what runs whatever tab is open (the traffic log, the lab's tracker) lives in ViewModels that
 * exist from the start.
 */
public final class TabViews {

    /** The tab property naming the FXML of the tab's view. */
    public static final String VIEW = "view";
    /** The tab property saying its view scrolls, fitted to the tab's width and height, when room is short. */
    public static final String SCROLLS = "scrolls";
    /** Set on a tab once its view is in it. */
    static final String BUILT = "viewBuilt";

    private final TabPane tabs;
    private final Function<String, Parent> load;
    /** Told of each view as it is put in its tab: what arranges views (presentation mode) arranges it too. */
    private final List<Consumer<Parent>> onBuilt = new ArrayList<>();

    private TabViews(TabPane tabs, Function<String, Parent> load) {
        this.tabs = tabs;
        this.load = load;
    }

    /**
     * Builds {@code tabs}' views as they are needed, loading each with {@code load}; {@code root}
     * (the window's root) carries the result, where {@link #of} finds it.
     */
    public static TabViews install(Parent root, TabPane tabs, Function<String, Parent> load) {
        TabViews views = new TabViews(tabs, load);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (tabs.getScene() != null && now != null) {
                views.build(now);
            }
        });
        // Selections before there is a scene (the remembered tab) build nothing: only the last counts.
        tabs.sceneProperty().addListener((o, was, scene) -> {
            Tab selected = tabs.getSelectionModel().getSelectedItem();
            if (scene != null && selected != null) {
                views.build(selected);
            }
        });
        root.getProperties().put(TabViews.class, views);
        return views;
    }

    /** The tabs of the window whose root this is, if it has them. */
    public static Optional<TabViews> of(Parent root) {
        return root.getProperties().get(TabViews.class) instanceof TabViews views ? Optional.of(views) : Optional.empty();
    }

    /** The open tab's id. */
    public String selectedId() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        return selected == null || selected.getId() == null ? "" : selected.getId();
    }

    /** The open tab. */
    public ReadOnlyObjectProperty<Tab> selectedProperty() {
        return tabs.getSelectionModel().selectedItemProperty();
    }

    /** Opens the tab with this id; an id no tab has (a tab since renamed or removed) changes nothing. */
    public void select(String id) {
        tabs.getTabs().stream().filter(tab -> Objects.equals(tab.getId(), id)).findFirst()
                .ifPresent(tab -> tabs.getSelectionModel().select(tab));
    }

    /**
     * Calls {@code arrange} with each view built from now on, once it is in its tab: a mode that
     * hides or moves parts of the views (presentation mode) applies to the views built later too.
     */
    public void whenBuilt(Consumer<Parent> arrange) {
        onBuilt.add(arrange);
    }

    /** Whether {@code tab}'s view has been built. */
    public static boolean isBuilt(Tab tab) {
        return tab.getProperties().get(VIEW) == null || Boolean.TRUE.equals(tab.getProperties().get(BUILT));
    }

    /** Puts {@code tab}'s view in it now, if it is not there yet. */
    public void build(Tab tab) {
        if (isBuilt(tab)) {
            return;
        }
        Parent view = load.apply((String) tab.getProperties().get(VIEW));
        tab.getProperties().put(BUILT, true);
        if (!"true".equals(tab.getProperties().get(SCROLLS))) {
            tab.setContent(view);
        } else {
            ScrollPane scroll = scrolling(view);
            tab.setContent(scroll);
            if (tabs.getSkin() != null) {
                // A scroll pane has its content among its children only once it has a skin: made now, as
                // the pulse would, so that the view's parts are found by id (their dividers set) at once.
                scroll.applyCss();
            }
        }
        onBuilt.forEach(arrange -> arrange.accept(view));
    }

    /** The view in a scroll pane that fits it to the tab while there is room, and scrolls when there is not. */
    private static ScrollPane scrolling(Parent view) {
        ScrollPane scroll = new ScrollPane(view);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    /**
     * Once the first frame is on screen, builds the tabs not built yet, one per frame, so that
     * selecting one later shows it at once; a frame in between keeps the window answering.
     */
    public void buildOthersAfterFirstFrame() {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                // The first call comes in the pulse that draws the first frame, before drawing it.
                if (++frames < 2) {
                    return;
                }
                Optional<Tab> next = tabs.getTabs().stream().filter(tab -> !isBuilt(tab)).findFirst();
                // A window closed before all were built builds no more: out of its scene, a view
                // finds none of the theme's colours (JavaFX warned of each, hundreds of lines).
                if (next.isEmpty() || !showing()) {
                    stop();
                } else {
                    build(next.get());
                }
            }
        }.start();
    }

    /** Whether the tabs are in a window on screen. */
    private boolean showing() {
        return tabs.getScene() != null && tabs.getScene().getWindow() != null
                && tabs.getScene().getWindow().isShowing();
    }
}
