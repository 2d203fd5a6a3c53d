package dev.restlab.ui.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.openapi.ApiDescription;
import dev.restlab.ui.TrafficModel;
import dev.restlab.wire.Ending;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.TrafficLog;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import dev.restlab.ui.ViewModelTestSupport;

/** The traffic table's OpenAPI column: the operation, ✓ or ✗, the reason on hover, headless. */
@ExtendWith(ApplicationExtension.class)
class OperationCellTest {

    private TrafficModel traffic;

    @Start
    void start(Stage stage) {
        traffic = new TrafficModel(new TrafficLog(), ViewModelTestSupport.SAME_THREAD, ApiDescription::bundled);
    }

    @AfterEach
    void close() throws Exception {
        traffic.close();
    }

    private static Exchange listing(long id) {
        return Exchange.builder().id(id).request("GET", "/people/v1/users")
                .status(200, "OK").responseHeader("Content-Type", "application/json")
                .responseBody("{\"users\":[]}\n").build();
    }

    private static Exchange listingAsHtml(long id) {
        return Exchange.builder().id(id).request("GET", "/people/v1/users")
                .status(200, "OK").responseHeader("Content-Type", "text/html;charset=utf-8")
                .responseBody("<h1>users</h1>\n").build();
    }

    /** Runs {@code check} on the FX thread, where cells live, and rethrows what it throws. */
    private static void onFx(Runnable check) throws Exception {
        try {
            WaitForAsyncUtils.asyncFx(check).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @Test
    void a_conforming_exchange_shows_its_operation_with_a_tick_and_the_verdict_on_hover() throws Exception {
        onFx(() -> {
            OperationCell cell = new OperationCell(traffic);
            Exchange e = listing(1);
            cell.updateItem(e, false);
            assertEquals("listUsers ✓", cell.getText());
            assertEquals(traffic.conformance(e).summary(), cell.getTooltip().getText());
            assertFalse(cell.getStyleClass().contains("conforms-no"));
        });
    }

    @Test
    void a_non_conforming_exchange_is_crossed_and_marked_for_the_stylesheet() throws Exception {
        onFx(() -> {
            OperationCell cell = new OperationCell(traffic);
            Exchange e = listingAsHtml(1);
            cell.updateItem(e, false);
            assertFalse(traffic.conformance(e).conforms(), "the fixture must not conform");
            assertEquals("listUsers ✗", cell.getText());
            assertTrue(cell.getStyleClass().contains("conforms-no"));
            assertTrue(cell.getTooltip().getText().contains("text/html"), cell.getTooltip().getText());
        });
    }

    @Test
    void a_request_that_got_no_answer_gets_a_dash_not_a_tick() throws Exception {
        onFx(() -> {
            OperationCell cell = new OperationCell(traffic);
            Exchange reset = Exchange.builder().id(1).request("DELETE", "/people/v1/users/4f6e7c1a-0000-4000-8000-000000000001")
                    .ending(Ending.RESET_BY_SERVER).build();
            cell.updateItem(reset, false);
            assertEquals("deleteUser –", cell.getText());
            assertEquals("deleteUser: no answer to judge", cell.getTooltip().getText());
            assertTrue(cell.getAccessibleText().startsWith("deleteUser, no answer to judge"), cell.getAccessibleText());
            assertFalse(cell.getStyleClass().contains("conforms-no"));
        });
    }

    @Test
    void an_unknown_path_says_it_is_not_in_the_api_with_no_tick() throws Exception {
        onFx(() -> {
            OperationCell cell = new OperationCell(traffic);
            Exchange notFound = Exchange.builder().id(1).request("GET", "/nothing/here").status(404, "Not Found")
                    .responseHeader("Content-Type", "text/plain;charset=utf-8")
                    .responseBody("Not Found: nothing is served at /nothing/here\n").build();
            cell.updateItem(notFound, false);
            assertEquals("not in the API", cell.getText());
            assertEquals(traffic.conformance(notFound).summary(), cell.getTooltip().getText());

            Exchange answered = Exchange.builder().id(2).request("GET", "/nothing/here").status(200, "OK")
                    .responseHeader("Content-Type", "text/plain").responseBody("hi\n").build();
            cell.updateItem(answered, false);
            assertEquals("not in the API ✗", cell.getText(), "a 200 where the document says 404");
        });
    }

    @Test
    void a_reused_cell_drops_the_previous_rows_mark_text_and_tooltip() throws Exception {
        onFx(() -> {
            OperationCell cell = new OperationCell(traffic);
            cell.updateItem(listingAsHtml(1), false);
            cell.updateItem(listing(2), false);
            assertEquals("listUsers ✓", cell.getText());
            assertFalse(cell.getStyleClass().contains("conforms-no"), "a conforming row keeps the red mark");

            cell.updateItem(listingAsHtml(3), false);
            cell.updateItem(null, true);
            assertNull(cell.getText());
            assertNull(cell.getTooltip());
            assertFalse(cell.getStyleClass().contains("conforms-no"), "an empty row keeps the red mark");
        });
    }
}
