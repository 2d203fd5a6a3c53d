package dev.restlab.ui.diagram;

import dev.restlab.diagram.Drawing;
import java.util.function.LongConsumer;
import javafx.scene.AccessibleRole;
import javafx.scene.Cursor;
import javafx.scene.input.KeyCode;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * A {@link Drawing} made of JavaFX shapes in a pane: each exchange's part is a group that shows
 * its timings on hover and reports a click.
 */
final class FxDrawing implements Drawing {

    private final Pane pane;
    private final LongConsumer clicked;
    private Group item;

    /** Draws into {@code pane}, replacing what it held; {@code clicked} gets the id of a clicked exchange. */
    FxDrawing(Pane pane, LongConsumer clicked) {
        this.pane = pane;
        this.clicked = clicked;
    }

    @Override
    public void begin(double width, double height, String background) {
        pane.getChildren().clear();
        pane.setBackground(Background.fill(Color.web(background)));
        pane.setMinSize(width, height);
        pane.setPrefSize(width, height);
        pane.setMaxSize(width, height);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String color, double width, boolean dashed) {
        Line line = new Line(x1, y1, x2, y2);
        line.setStroke(Color.web(color));
        line.setStrokeWidth(width);
        if (dashed) {
            line.getStrokeDashArray().setAll(6.0, 4.0);
        }
        add(line);
    }

    @Override
    public void rect(double x, double y, double width, double height, String fill, String stroke) {
        Rectangle rect = new Rectangle(x, y, width, height);
        rect.setFill(fill == null ? null : Color.web(fill));
        rect.setStroke(stroke == null ? null : Color.web(stroke));
        add(rect);
    }

    @Override
    public void polygon(String fill, double... points) {
        Polygon polygon = new Polygon(points);
        polygon.setFill(Color.web(fill));
        add(polygon);
    }

    @Override
    public void text(double x, double y, String text, String color, double size, boolean bold, Anchor anchor) {
        Text shape = new Text(text);
        shape.setFont(Font.font("Monospaced", bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
        shape.setFill(Color.web(color));
        // The window's text size is an inherited style that would override a font set in code.
        shape.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-family: 'Monospaced'; -fx-font-size: %.2fpx; -fx-font-weight: %s;",
                size, bold ? "bold" : "normal"));
        double width = shape.getLayoutBounds().getWidth();
        shape.setX(switch (anchor) {
            case START -> x;
            case MIDDLE -> x - width / 2;
            case END -> x - width;
        });
        shape.setY(y);
        shape.setTextAlignment(TextAlignment.LEFT);
        add(shape);
    }

    @Override
    public void beginItem(long exchangeId, String key, String tooltip) {
        item = new Group();
        item.setId(key);
        item.setCursor(Cursor.HAND);
        // Reached by Tab as well as the mouse: its timings show while it has the focus (the
        // window shows a focused node's accessible help), Enter or Space selects its exchange.
        item.getStyleClass().add("diagram-item");
        item.setFocusTraversable(true);
        item.setAccessibleRole(AccessibleRole.BUTTON);
        item.setAccessibleText(tooltip);
        item.setAccessibleHelp(tooltip);
        item.setOnKeyPressed(pressed -> {
            if (pressed.getCode() == KeyCode.ENTER || pressed.getCode() == KeyCode.SPACE) {
                pressed.consume();
                clicked.accept(exchangeId);
            }
        });
        Tooltip tip = new Tooltip(tooltip);
        tip.setShowDelay(Duration.millis(250));
        tip.setShowDuration(Duration.INDEFINITE);
        Tooltip.install(item, tip);
        item.setOnMouseClicked(e -> clicked.accept(exchangeId));
        pane.getChildren().add(item);
    }

    @Override
    public void hitArea(double x, double y, double width, double height) {
        // Transparent, not empty: a shape with no fill would let the clicks through.
        Rectangle area = new Rectangle(x, y, width, height);
        area.setFill(Color.TRANSPARENT);
        area.getStyleClass().add("diagram-hit"); // where the focus ring is drawn
        add(area);
    }

    @Override
    public void endItem() {
        item = null;
    }

    private void add(Node node) {
        if (item != null) {
            item.getChildren().add(node);
        } else {
            pane.getChildren().add(node);
        }
    }
}
