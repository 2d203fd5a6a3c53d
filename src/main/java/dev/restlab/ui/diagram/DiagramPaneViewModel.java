package dev.restlab.ui.diagram;

import dev.restlab.diagram.Palette;
import dev.restlab.diagram.PngFile;
import dev.restlab.files.SharedFile;
import dev.restlab.diagram.SequenceDiagram;
import dev.restlab.diagram.SequenceDrawing;
import dev.restlab.diagram.SequenceLayout;
import dev.restlab.diagram.SvgDrawing;
import dev.restlab.diagram.Waterfall;
import dev.restlab.diagram.WaterfallDrawing;
import dev.restlab.diagram.WaterfallLayout;
import dev.restlab.wire.Exchange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import dev.restlab.ui.Dialogs;
import dev.restlab.ui.LookViewModel;
import dev.restlab.ui.TrafficSelection;

/**
 * The Diagram tab: which exchanges to draw (the selected ones, the last N shown in the traffic
 * list, or the selected exchange's connection), their sequence diagram and waterfall, and the
 * exports. Clicking a drawn exchange selects it in the traffic list.
 */
public final class DiagramPaneViewModel {

    /** Which exchanges are drawn. */
    public enum Source {
        SELECTED("Selected exchanges"),
        LAST("Last shown"),
        CONNECTION("Its connection");

        private final String words;

        Source(String words) {
            this.words = words;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    /** The two pictures of the tab. */
    public enum Picture {
        SEQUENCE("sequence diagram", "sequence-diagram"),
        WATERFALL("timing waterfall", "waterfall");

        private final String words;
        private final String fileName;

        Picture(String words, String fileName) {
            this.words = words;
            this.fileName = fileName;
        }

        public String words() {
            return words;
        }
    }

    /**
     * A picture's pixels, row by row as 0xAARRGGBB: what the view hands over for a PNG, taken at
     * {@code scale} pixels for each pixel of the drawing (the PNG says so, for slides).
     */
    public record Pixels(int width, int height, int[] argb, double scale) {
        /** Pixels at the drawing's own size. */
        public Pixels(int width, int height, int[] argb) {
            this(width, height, argb, 1);
        }
    }

    /** Takes a picture as the view shows it; the view supplies this, tests a fake. */
    @FunctionalInterface
    public interface Snapshots {
        Pixels take(Picture picture);
    }

    /** The most the last-N choice draws: beyond it a diagram is no longer read, only scrolled. */
    public static final int MAX_LAST = 100;

    private final TrafficSelection traffic;
    private final LookViewModel look;
    private final Dialogs dialogs;
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(Source.LAST);
    private final IntegerProperty lastCount = new SimpleIntegerProperty(10);
    private final BooleanProperty active = new SimpleBooleanProperty(true);
    private final BooleanProperty fitWidth = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<List<Exchange>> drawn = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<SequenceDiagram> sequence = new ReadOnlyObjectWrapper<>(SequenceLayout.of(List.of()));
    private final ReadOnlyObjectWrapper<Waterfall> waterfall = new ReadOnlyObjectWrapper<>(WaterfallLayout.of(List.of()));
    private final ReadOnlyLongWrapper highlighted = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private Snapshots snapshots;
    /** True while a click in the drawing selects an exchange: the drawing stays as it is. */
    private boolean selecting;

    public DiagramPaneViewModel(TrafficSelection traffic, LookViewModel look, Dialogs dialogs) {
        this.traffic = traffic;
        this.look = look;
        this.dialogs = dialogs;
        // On a projector the text is large and a drawing in its ems outgrows the screen: presenting
        // starts with every lane in view, leaving it with the drawing at the text's own size.
        fitWidth.set(look.presentingProperty().get());
        look.presentingProperty().addListener((o, was, now) -> fitWidth.set(now));
        for (Observable input : List.<Observable>of(source, lastCount, traffic.shown(), active)) {
            input.addListener(o -> refresh());
        }
        traffic.selectedProperty().addListener((o, was, now) -> {
            highlighted.set(now == null ? -1 : now.id());
            if (!selecting && source.get() != Source.LAST) {
                refresh();
            }
        });
        traffic.selectedExchanges().addListener((Observable o) -> {
            if (!selecting && source.get() == Source.SELECTED) {
                refresh();
            }
        });
        refresh();
    }

    /** Draws again from the traffic list as it is now (also picks up connections closed since). */
    public void refresh() {
        if (!active.get()) {
            return;
        }
        List<Exchange> exchanges = choose();
        drawn.set(exchanges);
        sequence.set(SequenceLayout.of(exchanges));
        waterfall.set(WaterfallLayout.of(exchanges));
        long connections = exchanges.stream().map(e -> e.connection().id()).distinct().count();
        summary.set(exchanges.isEmpty() ? emptyReason()
                : count(exchanges.size(), "exchange") + " on " + count(connections, "connection")
                        + " · click one to select it in the Traffic tab, point at it for its timings");
    }

    private List<Exchange> choose() {
        Exchange selected = traffic.selectedProperty().get();
        List<Exchange> shown = List.copyOf(traffic.shown());
        return switch (source.get()) {
            case SELECTED -> selectedRows(selected);
            case LAST -> shown.subList(Math.max(0, shown.size() - Math.max(1, Math.min(MAX_LAST, lastCount.get()))), shown.size());
            case CONNECTION -> selected == null ? List.of()
                    : shown.stream().filter(e -> e.connection().id() == selected.connection().id()).toList();
        };
    }

    /** The rows selected in the traffic list (Ctrl/Shift-click), or else the focused one. */
    private List<Exchange> selectedRows(Exchange focused) {
        List<Exchange> rows = List.copyOf(traffic.selectedExchanges());
        if (!rows.isEmpty()) {
            return rows;
        }
        return focused == null ? List.of() : List.of(focused);
    }

    private String emptyReason() {
        return source.get() == Source.LAST ? "No traffic yet: send a request (curl, a browser or the forms)"
                : "Select an exchange in the Traffic tab";
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * Selects the exchange in the traffic list, leaving the drawing as it is. The drawn exchanges
     * are in the list as filtered, so the filter stays too.
     */
    public void select(long exchangeId) {
        selecting = true;
        try {
            drawn.get().stream().filter(e -> e.id() == exchangeId).findFirst()
                    .ifPresentOrElse(traffic::focus, () -> traffic.select(exchangeId));
        } finally {
            selecting = false;
        }
    }

    /** How the view takes PNG pictures; set once by the view. */
    public void setSnapshots(Snapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** Asks where, then writes the picture as SVG in the window's theme and text size. */
    public void exportSvg(Picture picture) {
        Optional<Path> file = dialogs.chooseSaveFile("Export the " + picture.words() + " as SVG",
                picture.fileName + ".svg", "SVG images", "svg");
        file.ifPresent(path -> write(path, picture, () -> {
            SharedFile.writeString(path, svg(picture));
        }));
    }

    /** Asks where, then writes the picture as the window shows it, as PNG (twice the screen's pixels, for slides). */
    public void exportPng(Picture picture) {
        Optional<Path> file = dialogs.chooseSaveFile("Export the " + picture.words() + " as PNG",
                picture.fileName + ".png", "PNG images", "png");
        file.ifPresent(path -> write(path, picture, () -> {
            Pixels pixels = snapshots.take(picture);
            PngFile.write(path, pixels.width(), pixels.height(), pixels.argb(), pixels.scale());
        }));
    }

    /** The picture as an SVG document, drawn as the window draws it. */
    String svg(Picture picture) {
        SvgDrawing svg = new SvgDrawing();
        Palette palette = Palette.of(look.darkBackground());
        double em = look.fontSizeProperty().get();
        if (picture == Picture.SEQUENCE) {
            SequenceDrawing.draw(sequence.get(), palette, em, highlighted.get(), svg);
        } else {
            WaterfallDrawing.draw(waterfall.get(), palette, em, 0, highlighted.get(), svg);
        }
        return svg.document();
    }

    private interface Writing {
        void run() throws IOException;
    }

    private void write(Path path, Picture picture, Writing writing) {
        try {
            writing.run();
            message.set("Saved the " + picture.words() + " as " + path.getFileName());
        } catch (IOException | RuntimeException e) {
            message.set("Could not save " + path.getFileName() + ": " + e.getMessage());
        }
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    /** How many of the newest shown exchanges {@link Source#LAST} draws. */
    public IntegerProperty lastCountProperty() {
        return lastCount;
    }

    /**
     * Fit width: the drawings are drawn smaller where they would be wider than the view, so that
     * every lane and every row is in view; off, they are drawn at the window's text size and scroll.
     * On while presenting, unless turned off.
     */
    public BooleanProperty fitWidthProperty() {
        return fitWidth;
    }

    /** False while the tab is hidden: nothing is laid out until it shows again. */
    public BooleanProperty activeProperty() {
        return active;
    }

    public ReadOnlyObjectProperty<List<Exchange>> drawnProperty() {
        return drawn.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SequenceDiagram> sequenceProperty() {
        return sequence.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Waterfall> waterfallProperty() {
        return waterfall.getReadOnlyProperty();
    }

    /** The exchange selected in the traffic list, drawn bold; -1 for none. */
    public ReadOnlyLongProperty highlightedProperty() {
        return highlighted.getReadOnlyProperty();
    }

    /** What is drawn, or why nothing is. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The outcome of the last export. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
