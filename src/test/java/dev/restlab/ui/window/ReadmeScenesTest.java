package dev.restlab.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.app.Workbench;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.stage.Stage;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;
import dev.restlab.ui.WindowTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import dev.restlab.ui.LookViewModel;
import dev.restlab.ui.Fx;

/**
 * The steps that make the README's pictures still work on today's window: every tab, button and
 * field they use is found by its id, every scene is ready, and every picture is one the README
 * shows. No picture is written: a renamed id fails here, in the build, not in the pictures.
 */
@ExtendWith(ApplicationExtension.class)
class ReadmeScenesTest {

    private Stage stage;
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws Exception {
        if (workbench != null) {
            Fx.run(workbench::close);
        }
        // The window tests share one stage, and a stage sized by hand keeps its size when the next
        // test gives it a scene: leave it at the size they expect (and not full screen, should a
        // failure have stopped the steps in presentation mode).
        Fx.run(() -> {
            stage.setFullScreen(false);
            stage.setWidth(ReadmeScenes.WIDTH);
            stage.setHeight(ReadmeScenes.HEIGHT);
        });
    }

    @Test
    void every_readme_picture_is_reached_through_the_windows_own_nodes() throws Exception {
        ReadmeScenes scenes = ReadmeScenes.open(stage, 0, false);
        workbench = scenes.workbench();
        List<ReadmeScenes.Picture> taken = new ArrayList<>();
        List<String> tabsShown = new ArrayList<>();
        LookViewModel look = workbench.look();
        scenes.takeAll((picture, scene) -> {
            assertSame(workbench.root(), scene.getRoot(), picture.file() + " shows the window");
            taken.add(picture);
            tabsShown.add(scenes.selectedTab());
            // What the README's captions say of each picture.
            boolean dark = picture.file().contains("dark") || picture == ReadmeScenes.PRESENT;
            assertEquals(dark, look.darkProperty().get(), picture.file() + ": the theme");
            assertEquals(picture == ReadmeScenes.PRESENT, look.presentingProperty().get(), picture.file() + ": presenting");
            // As projected: 1024×768, A+ three times from the default, which is presenting's size.
            boolean projected = ReadmeScenes.PROJECTED.contains(picture);
            assertEquals(projected ? LookViewModel.PRESENTING_SIZE : LookViewModel.DEFAULT_SIZE,
                    look.fontSizeProperty().get(), picture.file() + ": the text size");
            assertEquals(projected ? ReadmeScenes.SMALL_WIDTH : ReadmeScenes.WIDTH, scene.getWidth(), picture.file() + ": the width");
            assertEquals(projected ? ReadmeScenes.SMALL_HEIGHT : ReadmeScenes.HEIGHT, scene.getHeight(), picture.file() + ": the height");
            if (picture == ReadmeScenes.PRESENT) {
                // Presenting at the size already shown, after the scenes before: every path listed is whole.
                List<String> cut = scene.getRoot().lookup("#trafficTable").lookupAll(".table-cell").stream()
                        .filter(node -> node instanceof TableCell<?, ?> cell && cell.getTableColumn() != null
                                && "Path".equals(cell.getTableColumn().getText()) && WindowTests.shows(cell))
                        .map(node -> (TableCell<?, ?>) node)
                        .filter(cell -> cell.getChildrenUnmodifiable().stream().filter(Text.class::isInstance)
                                .anyMatch(text -> !((Text) text).getText().equals(cell.getText())))
                        .map(TableCell::getText).toList();
                assertEquals(List.of(), cut, picture.file() + ": paths cut short");
            }
        });

        assertEquals(ReadmeScenes.ALL, taken, "every picture, once, in order");
        assertEquals(taken.stream().map(ReadmeScenes.Picture::tabId).toList(), tabsShown,
                "each picture on its own tab");
        assertEquals(Set.of("trafficTab", "checkTab", "diagramTab", "labTab"), Set.copyOf(tabsShown));
    }

    @Test
    void the_readme_shows_every_picture_and_every_window_picture_in_docs_is_made() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Set<String> made = ReadmeScenes.ALL.stream().map(ReadmeScenes.Picture::file).collect(Collectors.toCollection(TreeSet::new));
        for (String file : made) {
            assertTrue(readme.contains("](docs/" + file + ")"), "README.md shows docs/" + file);
            assertTrue(Files.isRegularFile(Path.of("docs", file)), "docs/" + file + " exists");
        }
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            Set<String> inDocs = docs.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith("restlab-") && name.endsWith(".png"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(made, inDocs, "docs/screenshots.sh remakes every window picture in docs/");
        }
    }
}
