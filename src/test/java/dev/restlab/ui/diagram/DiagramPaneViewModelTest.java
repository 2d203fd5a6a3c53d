package dev.restlab.ui.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.openapi.ApiDescription;
import dev.restlab.testing.FakeDialogs;
import dev.restlab.ui.TrafficModel;
import dev.restlab.ui.diagram.DiagramPaneViewModel.Picture;
import dev.restlab.ui.diagram.DiagramPaneViewModel.Pixels;
import dev.restlab.ui.diagram.DiagramPaneViewModel.Source;
import dev.restlab.wire.Connection;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.Timings;
import dev.restlab.wire.TrafficLog;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.restlab.ui.LookViewModel;
import dev.restlab.ui.ViewModelTestSupport;

class DiagramPaneViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    @TempDir
    Path dir;

    private final FakeDialogs dialogs = new FakeDialogs();
    private final LookViewModel look = new LookViewModel();
    private TrafficModel traffic;
    private DiagramPaneViewModel diagram;

    @BeforeEach
    void start() {
        traffic = new TrafficModel(new TrafficLog(), ViewModelTestSupport.SAME_THREAD, ApiDescription::bundled);
        diagram = new DiagramPaneViewModel(traffic, look, dialogs);
    }

    @AfterEach
    void stop() throws Exception {
        traffic.close();
    }

    /** {@code count} exchanges from curl, a millisecond apart; the first two share connection 1 (kept alive). */
    private List<Exchange> arrive(int count) {
        List<Exchange> batch = new ArrayList<>();
        Connection kept = new Connection(1, "127.0.0.1", 40001, T0, 0);
        for (int i = 1; i <= count; i++) {
            long at = i * 1_000_000L;
            Connection on = i <= 2 ? kept : new Connection(i, "127.0.0.1", 40000 + i, T0.plusNanos(at - 1_000), at - 1_000);
            batch.add(Exchange.builder().id(i).connection(on, i <= 2 ? i : 1).request("GET", "/people/v1/users/" + i)
                    .requestHeader("User-Agent", "curl/7.88.1").status(200, "OK")
                    .timings(new Timings(at, at + 10_000, at + 200_000, at + 230_000)).build());
        }
        traffic.add(batch);
        return batch;
    }

    private List<Long> drawnIds() {
        return diagram.drawnProperty().get().stream().map(Exchange::id).toList();
    }

    @Test
    void fit_width_is_on_while_presenting_and_a_choice_made_meanwhile_lasts_until_it_ends() {
        assertFalse(diagram.fitWidthProperty().get(), "at a desk: full size");
        look.presentingProperty().set(true);
        assertTrue(diagram.fitWidthProperty().get(), "on a projector: every lane in view");
        diagram.fitWidthProperty().set(false);
        look.larger(); // the text size changing does not undo the choice
        assertFalse(diagram.fitWidthProperty().get(), "back to full size, as the teacher chose");
        look.presentingProperty().set(false);
        assertFalse(diagram.fitWidthProperty().get());
        look.presentingProperty().set(true);
        assertTrue(diagram.fitWidthProperty().get());
    }

    @Test
    void the_last_n_shown_exchanges_are_drawn_and_follow_new_traffic() {
        diagram.lastCountProperty().set(3);
        arrive(5);

        assertEquals(List.of(3L, 4L, 5L), drawnIds());
        assertEquals(3, diagram.sequenceProperty().get().arrows().size() / 2);
        assertEquals(3, diagram.waterfallProperty().get().rows().size());
        assertTrue(diagram.summaryProperty().get().startsWith("3 exchanges on 3 connections"), diagram.summaryProperty().get());
        traffic.filterProperty().set("/people/v1/users/1");
        assertEquals(List.of(1L), drawnIds(), "the traffic list's filter applies");
    }

    @Test
    void the_selected_exchange_alone_or_with_its_connection() {
        List<Exchange> arrived = arrive(4);
        diagram.sourceProperty().set(Source.SELECTED);
        assertTrue(drawnIds().isEmpty());
        assertEquals("Select an exchange in the Traffic tab", diagram.summaryProperty().get());

        traffic.selectedProperty().set(arrived.get(1));
        assertEquals(List.of(2L), drawnIds());
        assertEquals(2, diagram.highlightedProperty().get());

        diagram.sourceProperty().set(Source.CONNECTION);
        assertEquals(List.of(1L, 2L), drawnIds(), "both exchanges of the kept-alive connection");
        assertEquals(1, diagram.sequenceProperty().get().lanes().stream().filter(l -> !l.isServer()).count());
    }

    @Test
    void several_rows_selected_in_the_traffic_list_are_drawn_together() {
        List<Exchange> arrived = arrive(5);
        diagram.sourceProperty().set(Source.SELECTED);

        traffic.setSelection(List.of(arrived.get(0), arrived.get(2), arrived.get(4)));

        assertEquals(List.of(1L, 3L, 5L), drawnIds());
        assertEquals(3, diagram.waterfallProperty().get().rows().size());
    }

    @Test
    void a_click_in_the_drawing_selects_in_the_traffic_list_and_keeps_the_drawing() {
        arrive(4);
        diagram.sourceProperty().set(Source.LAST);
        traffic.filterProperty().set("users/");
        List<Exchange> before = diagram.drawnProperty().get();

        diagram.select(3);

        assertEquals(3, traffic.selectedProperty().get().id());
        assertEquals("users/", traffic.filterProperty().get(), "the list keeps its filter");
        assertEquals(3, diagram.highlightedProperty().get());
        assertEquals(before, diagram.drawnProperty().get());
    }

    @Test
    void nothing_is_laid_out_while_the_tab_is_hidden_and_all_of_it_when_it_shows() {
        diagram.activeProperty().set(false);
        arrive(2);
        assertTrue(drawnIds().isEmpty());

        diagram.activeProperty().set(true);
        assertEquals(List.of(1L, 2L), drawnIds());
    }

    @Test
    void svg_export_writes_where_the_person_chose_in_the_window_s_theme() throws Exception {
        arrive(2);
        look.darkProperty().set(true);
        Path file = dir.resolve("diagram.svg");
        dialogs.choosing(file);

        diagram.exportSvg(Picture.SEQUENCE);

        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        assertEquals("svg", document.getDocumentElement().getTagName());
        assertTrue(Files.readString(file).contains("GET /people/v1/users/2"));
        assertTrue(Files.readString(file).contains("fill=\"" + dev.restlab.diagram.Palette.DARK.background() + "\""));
        assertEquals("Saved the sequence diagram as diagram.svg", diagram.messageProperty().get());
        assertEquals(List.of("svg"), dialogs.fileQuestions().get(0).extensions());
        assertEquals(dev.restlab.testing.NewFileMode.expected(), Files.getPosixFilePermissions(file),
                "a file to share: the umask's permissions, 0644 under 022");
    }

    @Test
    void png_export_writes_the_view_s_pixels() throws Exception {
        arrive(1);
        diagram.setSnapshots(picture -> {
            assertSame(Picture.WATERFALL, picture);
            return new Pixels(2, 1, new int[] {0xff0969da, 0xffffffff});
        });
        Path file = dir.resolve("waterfall.png");
        dialogs.choosing(file);

        diagram.exportPng(Picture.WATERFALL);

        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(0xff0969da, image.getRGB(0, 0));
        assertEquals("Saved the timing waterfall as waterfall.png", diagram.messageProperty().get());
    }

    @Test
    void a_cancelled_chooser_writes_nothing_and_a_failed_write_says_why() throws Exception {
        arrive(1);
        dialogs.cancellingChooser();
        diagram.exportSvg(Picture.WATERFALL);
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
        assertEquals("", diagram.messageProperty().get());

        dialogs.choosing(dir.resolve("missing-folder").resolve("w.svg"));
        diagram.exportSvg(Picture.WATERFALL);
        assertTrue(diagram.messageProperty().get().startsWith("Could not save w.svg"), diagram.messageProperty().get());
        assertFalse(Files.exists(dir.resolve("missing-folder")));
    }
}
