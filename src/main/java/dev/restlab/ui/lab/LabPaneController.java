package dev.restlab.ui.lab;

import dev.restlab.ui.StatusMark;
import java.io.File;
import java.util.List;
import java.util.Optional;
import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/** The Lab tab: the checklist, the chosen step, and a banner for each tick. */
public final class LabPaneController {

    /**
     * The checklist's rows before the step's explanation gets room: enough to see what was done
     * and what comes; the title, task and command of the step always come first.
     */
    private static final int ROWS_ASKED = 7;

    private final LabPaneViewModel lab;
    /** The banner's show, while it plays. */
    private SequentialTransition showing;
    /** Asked once per run, for the reports. */
    private String student;

    @FXML private LabView view;
    @FXML private VBox pane;
    @FXML private VBox card;
    @FXML private ScrollPane detail;
    @FXML private Label title;
    @FXML private ProgressBar progress;
    @FXML private Label progressText;
    @FXML private Label banner;
    @FXML private Label finished;
    @FXML private Label reason;
    @FXML private Label note;
    @FXML private VBox beside;
    @FXML private Label besideTitle;
    @FXML private TextArea besideRequest;
    @FXML private TextArea thisRequest;
    @FXML private Button skipStep;
    @FXML private MenuButton builtInLab;
    @FXML private Button openLab;
    @FXML private Button startAgain;
    @FXML private Button exportReport;
    @FXML private Label message;
    @FXML private ListView<LabPaneViewModel.StepRow> steps;
    @FXML private Label stepTitle;
    @FXML private Label task;
    @FXML private CommandArea command;
    @FXML private Button copyCommand;
    @FXML private Label explanation;
    @FXML private Label question;
    @FXML private Button showAnswer;
    @FXML private Label answer;
    @FXML private Label doneBy;
    @FXML private Hyperlink showExchange;

    public LabPaneController(LabPaneViewModel lab) {
        this.lab = lab;
    }

    @FXML
    private void initialize() {
        title.textProperty().bind(lab.titleProperty());
        progress.progressProperty().bind(lab.progressProperty());
        progressText.textProperty().bind(lab.progressTextProperty());
        // "2 of 14" alone means nothing to a screen reader that reaches it out of the picture.
        progress.accessibleTextProperty().bind(lab.progressTextProperty().map(done -> done.isEmpty() ? "The lab is being read"
                : "Lab progress: " + done + " steps done"));
        progressText.accessibleTextProperty().bind(progress.accessibleTextProperty());
        message.textProperty().bind(lab.messageProperty());
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        steps.setItems(lab.steps());
        steps.setCellFactory(list -> new StepCell());
        steps.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
            if (now.intValue() >= 0) {
                lab.chosenProperty().set(now.intValue());
            }
        });
        lab.chosenProperty().addListener((o, was, now) -> choose(now.intValue()));
        // Each tick lays the checklist anew, which takes the list's selection away: the step shown keeps its row marked.
        lab.steps().addListener((ListChangeListener<LabPaneViewModel.StepRow>) change -> choose(lab.chosenProperty().get()));
        choose(lab.chosenProperty().get());
        stepTitle.textProperty().bind(lab.stepTitleProperty());
        showWhenSet(finished, lab.finishedProperty());
        showWhenSet(reason, lab.reasonProperty());
        showWhenSet(note, lab.noteProperty());
        besideTitle.textProperty().bind(lab.besideTitleProperty());
        besideRequest.textProperty().bind(lab.besideRequestProperty());
        thisRequest.textProperty().bind(lab.thisRequestProperty());
        beside.visibleProperty().bind(lab.besideTitleProperty().isNotEmpty());
        beside.managedProperty().bind(beside.visibleProperty());
        skipStep.visibleProperty().bind(lab.skippableProperty());
        skipStep.managedProperty().bind(skipStep.visibleProperty());
        skipStep.setOnAction(e -> lab.skipChosen());
        task.textProperty().bind(lab.taskProperty());
        command.commandProperty().bind(lab.commandProperty());
        command.visibleProperty().bind(lab.commandProperty().isNotEmpty());
        command.managedProperty().bind(command.visibleProperty());
        copyCommand.visibleProperty().bind(command.visibleProperty());
        copyCommand.managedProperty().bind(command.visibleProperty());
        // Fewer rows fit as the text grows: the chosen step's row stays among those shown.
        // Rows a line and a bit high at every text size (the style sheet's -fx-fixed-cell-size); the list asks for
        // up to ROWS_ASKED of them.
        steps.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.min(ROWS_ASKED, Math.max(1, lab.steps().size())) * steps.getFixedCellSize()
                        + steps.snappedTopInset() + steps.snappedBottomInset(),
                steps.fixedCellSizeProperty(), lab.steps()));
        // Keyboard: Tab never lands on a control that cannot be seen. With no room for a line of the step's
        // explanation (large text on a small screen), that part is out of the Tab order; with some, the
        // control Tab reaches is scrolled into view.
        detail.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> detail.getHeight() >= 2 * stepTitle.getFont().getSize(), detail.heightProperty(),
                stepTitle.fontProperty()));
        for (Node control : List.of(showAnswer, answer, besideRequest, thisRequest, showExchange, skipStep)) {
            control.focusedProperty().addListener((o, was, now) -> {
                if (now) {
                    reveal(control);
                }
            });
        }
        // The lab's name gives way first when the height is short (large text on a small screen): the
        // tab and the progress still say where the class is, and the step keeps its room.
        view.heightProperty().addListener(o -> Platform.runLater(this::titleIfRoom));
        card.heightProperty().addListener(o -> Platform.runLater(this::titleIfRoom));
        view.makeRoomWith(width -> tallestStep() - stepHeight(stepTitle.getText(), task.getText(), lab.commandProperty().get()));
        // (Once the list has laid its rows out at the new height.)
        steps.heightProperty().addListener((o, was, now) -> Platform.runLater(this::showChosenRow));
        explanation.textProperty().bind(lab.explanationProperty());
        question.textProperty().bind(lab.questionProperty().map(text -> text.isEmpty() ? "" : "Question: " + text));
        answer.textProperty().bind(lab.answerProperty());
        answer.visibleProperty().bind(lab.answerShownProperty());
        answer.managedProperty().bind(answer.visibleProperty());
        showAnswer.visibleProperty().bind(lab.answerShownProperty().not().and(lab.answerProperty().isNotEmpty()));
        showAnswer.managedProperty().bind(showAnswer.visibleProperty());
        doneBy.textProperty().bind(lab.doneByProperty());
        showExchange.visibleProperty().bind(lab.doneByProperty().map(text -> text.contains("exchange #")));

        copyCommand.setOnAction(e -> lab.copyCommand());
        showAnswer.setOnAction(e -> {
            lab.showAnswer();
            answer.requestFocus(); // the button hides itself: the focus goes where the eye goes, not to the window's first control
        });
        showExchange.setOnAction(e -> lab.showExchange());
        // The built-in labs' titles are read off the FX thread as this view is built: the menu fills in when they come.
        offerBuiltInLabs();
        lab.builtInLabs().addListener((ListChangeListener<LabPaneViewModel.BuiltInLab>) change -> offerBuiltInLabs());
        lab.readBuiltInLabs();
        openLab.setOnAction(e -> chooseLabFile());
        startAgain.setOnAction(e -> lab.startAgain());
        exportReport.setOnAction(e -> chooseReportFile());
        lab.tickedProperty().addListener((o, was, now) -> celebrate());
    }

    private void offerBuiltInLabs() {
        builtInLab.getItems().setAll(lab.builtInLabs().stream().map(offered -> {
            MenuItem item = new MenuItem(offered.title());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> lab.useBuiltIn(offered.name()));
            return item;
        }).toList());
    }

    /** Shows the lab's name when the tab's view has the height for it as well as for the rest. */
    private void titleIfRoom() {
        double room = view.getHeight();
        for (Node up = view.getParent(); up != null; up = up.getParent()) {
            if (up instanceof ScrollPane scroll) {
                room = scroll.getViewportBounds().getHeight(); // what can be seen, not what was laid out
                break;
            }
        }
        double width = view.getWidth();
        double withTitle = view.minHeight(width) + (title.isManaged() ? 0 : title.prefHeight(
                width - pane.snappedLeftInset() - pane.snappedRightInset()) + pane.getSpacing());
        boolean shown = withTitle <= room + 0.5;
        if (shown != title.isManaged()) {
            title.setManaged(shown);
            title.setVisible(shown);
        }
    }

    /** Scrolls the step's explanation so that {@code control} is whole in view (its top first, if it is taller). */
    private void reveal(Node control) {
        Node content = detail.getContent();
        double contentHeight = content.getLayoutBounds().getHeight();
        double viewport = detail.getViewportBounds().getHeight();
        if (contentHeight <= viewport) {
            return;
        }
        Bounds at = content.sceneToLocal(control.localToScene(control.getLayoutBounds()));
        double top = detail.getVvalue() * (contentHeight - viewport);
        double wanted = at.getMaxY() > top + viewport ? at.getMaxY() - viewport : top;
        wanted = Math.min(wanted, at.getMinY());
        detail.setVvalue(Math.max(0, Math.min(1, wanted / (contentHeight - viewport))));
    }

    /** The height the step part of the tab takes for the lab's tallest step, at its width now. */
    private double tallestStep() {
        double tallest = 0;
        for (LabPaneViewModel.StepText step : lab.stepTexts()) {
            tallest = Math.max(tallest, stepHeight(step.title(), step.task(), step.command()));
        }
        return tallest;
    }

    /**
     * About the height the step part takes for these texts, measured as its labels and command lay
     * them out; only the difference between two steps is used, so what both share cancels out.
     */
    private double stepHeight(String titleText, String taskText, String commandText) {
        double width = card.getWidth() - card.snappedLeftInset() - card.snappedRightInset();
        if (width <= 0) {
            return 0;
        }
        double height = wrapped(stepTitle, titleText, width) + wrapped(task, taskText, width);
        if (!commandText.isEmpty()) {
            height += Math.max(command.heightOf(commandText), copyCommand.prefHeight(-1));
        }
        return height;
    }

    private static double wrapped(Label label, String text, double width) {
        if (text.isEmpty()) {
            return 0;
        }
        Text lines = new Text(text);
        lines.setFont(label.getFont());
        lines.setWrappingWidth(width - label.snappedLeftInset() - label.snappedRightInset());
        return Math.ceil(lines.getLayoutBounds().getHeight()) + label.snappedTopInset() + label.snappedBottomInset();
    }

    /** A label shown only while its text is not empty, taking no room when hidden. */
    private static void showWhenSet(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private void choose(int index) {
        if (index < 0) {
            steps.getSelectionModel().clearSelection(); // the lab is complete: no step is current
        } else if (index != steps.getSelectionModel().getSelectedIndex()) {
            steps.getSelectionModel().select(index);
            showChosenRow();
        }
    }

    /**
     * The chosen step's row in view, with up to two before it when there is room: what was just
     * done and what comes now. A list too low for three rows shows the chosen one first.
     */
    private void showChosenRow() {
        int index = steps.getSelectionModel().getSelectedIndex();
        if (index < 0) {
            return;
        }
        double row = steps.getFixedCellSize();
        int fit = row > 0 ? (int) Math.floor((steps.getHeight() - steps.snappedTopInset() - steps.snappedBottomInset()) / row) : 3;
        int before = Math.max(0, Math.min(2, fit - 1));
        steps.scrollTo(Math.max(0, index - before));
    }

    /** A banner big enough to see across a classroom, fading out after a few seconds; a new tick starts it afresh. */
    private void celebrate() {
        if (showing != null) {
            showing.stop(); // its end would hide the new banner
        }
        banner.setText(lab.bannerProperty().get());
        banner.setVisible(true);
        banner.setOpacity(1);
        FadeTransition fade = new FadeTransition(Duration.millis(800), banner);
        fade.setToValue(0);
        showing = new SequentialTransition(new PauseTransition(Duration.seconds(3)), fade);
        showing.setOnFinished(e -> banner.setVisible(false));
        showing.play();
    }

    private void chooseLabFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a lab file");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Lab files (YAML)", "*.yaml", "*.yml"));
        File file = chooser.showOpenDialog(openLab.getScene().getWindow());
        if (file != null) {
            lab.openLabFile(file.toPath());
        }
    }

    private void chooseReportFile() {
        if (student == null) {
            TextInputDialog name = new TextInputDialog("");
            name.setHeaderText("Your name, for the report (you may leave it empty)");
            name.initOwner(exportReport.getScene().getWindow());
            Optional<String> given = name.showAndWait();
            if (given.isEmpty()) {
                return;
            }
            student = given.get();
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the lab report (Markdown and HTML)");
        chooser.setInitialFileName("lab-report.html");
        File file = chooser.showSaveDialog(exportReport.getScene().getWindow());
        if (file != null) {
            lab.exportReport(file.toPath(), student);
        }
    }

    /**
     * "✓ 4. Create a user with POST", ticked rows in the success colour, and after it the status
     * of the answer that did it, marked by its class's symbol and colour ("⚠ 404").
     */
    private static final class StepCell extends ListCell<LabPaneViewModel.StepRow> {
        private final Label status = new Label();

        StepCell() {
            status.getStyleClass().add("lab-step-status");
            setContentDisplay(ContentDisplay.RIGHT);
        }

        @Override
        protected void updateItem(LabPaneViewModel.StepRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().remove("lab-step-done");
            status.getStyleClass().removeAll(StatusMark.styleClasses());
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            String mark = row.done() ? "✓ " : row.skipped() ? "↷ " : "○ ";
            String optional = row.optional() ? " (optional)" : "";
            setText(mark + row.number() + ". " + row.title() + optional);
            String answered = "";
            if (row.status() != 0) {
                StatusMark statusMark = StatusMark.of(row.status());
                status.setText(StatusMark.label(row.status()));
                status.getStyleClass().add(statusMark.styleClass());
                setGraphic(status);
                answered = statusMark == StatusMark.NO_ANSWER ? ", no answer"
                        : ", answered " + row.status() + " (" + statusMark.meaning() + ")";
            } else {
                setGraphic(null);
            }
            setAccessibleText((row.done() ? "Done: " : row.skipped() ? "Skipped: " : "Not done yet: ") + row.number()
                    + ". " + row.title() + optional + answered);
            if (row.done()) {
                getStyleClass().add("lab-step-done");
            }
        }
    }
}
