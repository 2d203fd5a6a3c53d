package dev.restlab.ui.diagram;

import dev.restlab.diagram.Palette;
import dev.restlab.diagram.SequenceDiagram;
import dev.restlab.diagram.Waterfall;
import dev.restlab.diagram.SequenceDrawing;
import dev.restlab.diagram.WaterfallDrawing;
import dev.restlab.ui.diagram.DiagramPaneViewModel.Picture;
import dev.restlab.ui.diagram.DiagramPaneViewModel.Pixels;
import dev.restlab.ui.diagram.DiagramPaneViewModel.Source;
import javafx.beans.Observable;
import javafx.fxml.FXML;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import dev.restlab.ui.LookViewModel;

/** The Diagram tab: the sequence diagram and the waterfall of the chosen exchanges, drawn as shapes. */
public final class DiagramPaneController {

    /** PNG exports have twice the screen's pixels, sharp on a projector or a slide. */
    private static final double PNG_SCALE = 2;

    private final DiagramPaneViewModel diagram;
    private final LookViewModel look;

    @FXML private ChoiceBox<Source> source;
    @FXML private Spinner<Integer> lastCount;
    @FXML private Button redraw;
    @FXML private MenuItem sequencePng;
    @FXML private MenuItem sequenceSvg;
    @FXML private MenuItem waterfallPng;
    @FXML private MenuItem waterfallSvg;
    @FXML private Label message;
    @FXML private Label summary;
    @FXML private ScrollPane sequenceScroll;
    @FXML private ScrollPane waterfallScroll;
    @FXML private Pane sequence;
    @FXML private Pane waterfall;
    @FXML private SplitPane split;
    @FXML private VBox sequenceBox;
    @FXML private VBox waterfallBox;
    @FXML private ToggleGroup pictures;
    @FXML private ToggleButton showBoth;
    @FXML private ToggleButton showSequence;
    @FXML private ToggleButton showWaterfall;
    @FXML private ToggleButton fitWidth;

    public DiagramPaneController(DiagramPaneViewModel diagram, LookViewModel look) {
        this.diagram = diagram;
        this.look = look;
    }

    @FXML
    private void initialize() {
        source.getItems().setAll(Source.values());
        source.valueProperty().bindBidirectional(diagram.sourceProperty());
        var count = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, DiagramPaneViewModel.MAX_LAST,
                diagram.lastCountProperty().get());
        lastCount.setValueFactory(count);
        count.valueProperty().addListener((o, was, now) -> diagram.lastCountProperty().set(now));
        lastCount.visibleProperty().bind(diagram.sourceProperty().isEqualTo(Source.LAST));
        lastCount.managedProperty().bind(lastCount.visibleProperty());
        redraw.setOnAction(e -> diagram.refresh());
        sequencePng.setOnAction(e -> diagram.exportPng(Picture.SEQUENCE));
        sequenceSvg.setOnAction(e -> diagram.exportSvg(Picture.SEQUENCE));
        waterfallPng.setOnAction(e -> diagram.exportPng(Picture.WATERFALL));
        waterfallSvg.setOnAction(e -> diagram.exportSvg(Picture.WATERFALL));
        message.textProperty().bind(diagram.messageProperty());
        summary.textProperty().bind(diagram.summaryProperty());
        diagram.setSnapshots(this::snapshot);
        pictures.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one of the three is always on
            } else {
                showPictures();
            }
        });

        fitWidth.selectedProperty().bindBidirectional(diagram.fitWidthProperty());
        for (Observable change : new Observable[] {diagram.sequenceProperty(), diagram.highlightedProperty(),
                look.darkProperty(), look.highContrastProperty(), look.fontSizeProperty(), diagram.fitWidthProperty()}) {
            change.addListener(o -> drawSequence());
        }
        for (Observable change : new Observable[] {diagram.waterfallProperty(), diagram.highlightedProperty(),
                look.darkProperty(), look.highContrastProperty(), look.fontSizeProperty(), diagram.fitWidthProperty()}) {
            change.addListener(o -> drawWaterfall());
        }
        // The bars fill the width, and Fit width follows it; scrolling moves the viewport too, which needs no new drawing.
        waterfallScroll.viewportBoundsProperty().addListener((o, was, now) -> {
            if (was == null || was.getWidth() != now.getWidth()) {
                drawWaterfall();
            }
        });
        sequenceScroll.viewportBoundsProperty().addListener((o, was, now) -> {
            if (diagram.fitWidthProperty().get() && (was == null || was.getWidth() != now.getWidth())) {
                drawSequence();
            }
        });
        drawSequence();
        drawWaterfall();
    }

    private void drawSequence() {
        if (diagram.drawnProperty().get().isEmpty()) {
            clear(sequence);
            return;
        }
        String focused = focusedItem(sequence);
        SequenceDiagram drawing = diagram.sequenceProperty().get();
        double em = look.fontSizeProperty().get();
        if (diagram.fitWidthProperty().get()) {
            em = SequenceDrawing.fitEm(drawing, sequenceScroll.getViewportBounds().getWidth(), em);
        }
        SequenceDrawing.draw(drawing, palette(), em, diagram.highlightedProperty().get(),
                new FxDrawing(sequence, diagram::select));
        refocus(sequence, focused);
    }

    /** The id of the arrow or row that has the focus in {@code pane}, if one has. */
    private static String focusedItem(Pane pane) {
        return pane.getChildren().stream().filter(javafx.scene.Node::isFocused).map(javafx.scene.Node::getId)
                .findFirst().orElse(null);
    }

    /** Drawn again (Enter selected its exchange, the theme changed): the same arrow or row keeps the focus. */
    private static void refocus(Pane pane, String id) {
        if (id != null) {
            pane.getChildren().stream().filter(node -> id.equals(node.getId())).findFirst()
                    .ifPresent(javafx.scene.Node::requestFocus);
        }
    }

    private void drawWaterfall() {
        if (diagram.drawnProperty().get().isEmpty()) {
            clear(waterfall);
            return;
        }
        double width = waterfallScroll.getViewportBounds().getWidth();
        String focused = focusedItem(waterfall);
        Waterfall drawing = diagram.waterfallProperty().get();
        double em = look.fontSizeProperty().get();
        if (diagram.fitWidthProperty().get()) {
            em = WaterfallDrawing.fitEm(drawing, width, em);
        }
        WaterfallDrawing.draw(drawing, palette(), em, width, diagram.highlightedProperty().get(),
                new FxDrawing(waterfall, diagram::select));
        refocus(waterfall, focused);
    }

    /** Both pictures in the split, or one with all the room: at projector text sizes one is enough. */
    private void showPictures() {
        if (showSequence.isSelected()) {
            split.getItems().setAll(sequenceBox);
        } else if (showWaterfall.isSelected()) {
            split.getItems().setAll(waterfallBox);
        } else {
            split.getItems().setAll(sequenceBox, waterfallBox);
            split.setDividerPositions(0.62);
        }
    }

    private static void clear(Pane pane) {
        pane.getChildren().clear();
        pane.setBackground(null);
        pane.setMinSize(0, 0);
        pane.setPrefSize(0, 0);
    }

    private Palette palette() {
        return Palette.of(look.darkBackground());
    }

    private Pixels snapshot(Picture picture) {
        Pane pane = picture == Picture.SEQUENCE ? sequence : waterfall;
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setTransform(Transform.scale(PNG_SCALE, PNG_SCALE));
        parameters.setFill(Color.web(palette().background()));
        WritableImage image = pane.snapshot(parameters, null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return new Pixels(width, height, argb, PNG_SCALE);
    }
}
