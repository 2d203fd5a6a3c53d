package dev.restlab.ui.diff;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;

/** Two exchanges side by side: each row the left's line and the right's, coloured by how they differ. */
public final class DiffPaneController {

    private final DiffPaneViewModel diff;

    @FXML private Label summary;
    @FXML private Button swap;
    @FXML private Label leftTitle;
    @FXML private Label rightTitle;
    @FXML private ListView<DiffPaneViewModel.Line> lines;

    public DiffPaneController(DiffPaneViewModel diff) {
        this.diff = diff;
    }

    @FXML
    private void initialize() {
        summary.textProperty().bind(diff.summaryProperty());
        leftTitle.textProperty().bind(diff.leftTitleProperty());
        rightTitle.textProperty().bind(diff.rightTitleProperty());
        swap.setOnAction(e -> diff.swap());
        swap.disableProperty().bind(diff.leftTitleProperty().isEmpty());
        lines.setItems(diff.lines());
        lines.setCellFactory(list -> new LineCell());
    }

    /** The mark a line's side starts with, so that it is told apart without its tint: − removed, + added, ~ changed. */
    static String mark(DiffPaneViewModel.Kind kind, boolean leftSide) {
        return switch (kind) {
            case REMOVED -> leftSide ? "− " : "  ";
            case ADDED -> leftSide ? "  " : "+ ";
            case CHANGED -> "~ ";
            default -> "  ";
        };
    }

    private static String marked(DiffPaneViewModel.Kind kind, boolean leftSide, String text) {
        return text == null || text.isEmpty() ? "" : mark(kind, leftSide) + text;
    }

    /**
     * One row: the two sides in equal halves, wrapped rather than cut, so that both stay side by
     * side. Texts are set as plain text: bodies are whatever the wire carried.
     */
    private static final class LineCell extends ListCell<DiffPaneViewModel.Line> {
        private static final String[] KINDS = {"diff-section", "diff-note", "diff-order", "diff-same",
                "diff-changed", "diff-added", "diff-removed"};

        private final Label left = side();
        private final Label right = side();
        private final Label across = side();
        private final GridPane pair = new GridPane();

        LineCell() {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            ColumnConstraints otherHalf = new ColumnConstraints();
            otherHalf.setPercentWidth(50);
            pair.getColumnConstraints().addAll(half, otherHalf);
            pair.add(left, 0, 0);
            pair.add(right, 1, 0);
            pair.getStyleClass().add("diff-pair");
            left.getStyleClass().add("diff-left");
            right.getStyleClass().add("diff-right");
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            setPrefWidth(0); // the list's width decides, so long lines wrap instead of widening it
            // A wrapping label's height follows its width: give it the list's, less the cell's padding and the scroll bar.
            listViewProperty().addListener((o, was, list) -> {
                if (list != null) {
                    var usable = list.widthProperty().subtract(48);
                    across.prefWidthProperty().bind(usable);
                    left.prefWidthProperty().bind(usable.divide(2));
                    right.prefWidthProperty().bind(usable.divide(2));
                }
            });
        }

        private static Label side() {
            Label label = new Label();
            label.setWrapText(true);
            label.setMaxWidth(Double.MAX_VALUE);
            label.setMaxHeight(Double.MAX_VALUE);
            label.setMnemonicParsing(false);
            label.setAlignment(javafx.geometry.Pos.TOP_LEFT);
            return label;
        }

        /**
         * As tall as the wrapped text: the theme's fixed cell size (2em) would cut a third line
         * and pad a single one.
         */
        @Override
        protected double computePrefHeight(double width) {
            if (getGraphic() == null || getListView() == null) {
                return super.computePrefHeight(width);
            }
            double inner = (width > 0 ? width : getListView().getWidth()) - snappedLeftInset() - snappedRightInset();
            return snappedTopInset() + getGraphic().prefHeight(inner) + snappedBottomInset();
        }

        @Override
        protected void updateItem(DiffPaneViewModel.Line line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll(KINDS);
            setAccessibleText(null);
            if (empty || line == null) {
                setGraphic(null);
                return;
            }
            getStyleClass().add("diff-" + line.kind().name().toLowerCase(java.util.Locale.ROOT));
            switch (line.kind()) {
                case SECTION -> {
                    across.setText(line.left() + ": " + line.right());
                    setGraphic(across);
                }
                case NOTE, ORDER -> {
                    across.setText(line.left());
                    setGraphic(across);
                }
                default -> {
                    left.setText(marked(line.kind(), true, line.left()));
                    right.setText(marked(line.kind(), false, line.right()));
                    setGraphic(pair);
                    // A screen reader hears the kind in words, not a tint or a sign.
                    setAccessibleText(line.kind().name().toLowerCase(java.util.Locale.ROOT) + ": "
                            + (line.left() == null ? "" : line.left()) + " | " + (line.right() == null ? "" : line.right()));
                }
            }
        }
    }
}
