package dev.restlab.ui.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.openapi.ApiDescription;
import dev.restlab.testing.FakeDialogs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import dev.restlab.ui.ViewModelTestSupport;

class ApiPaneViewModelTest {

    private final FakeDialogs dialogs = new FakeDialogs();

    @Test
    void with_no_browser_it_says_it_could_not_and_leaves_the_url_to_copy() {
        ApiPaneViewModel api = new ApiPaneViewModel(ApiDescription::bundled, readOnly(5001), url -> {
                    throw new IllegalStateException("xdg-open found no browser (exit code 3)");
                }, ViewModelTestSupport.SAME_THREAD, dialogs);
        api.openDocs();
        assertEquals("No browser could be opened here (xdg-open found no browser (exit code 3)). Open"
                + " http://127.0.0.1:5001/docs in a browser yourself: the URL is on the clipboard.", api.noteProperty().get());
        assertEquals(Optional.of("http://127.0.0.1:5001/docs"), dialogs.clipboard());
    }

    @Test
    void with_a_browser_it_says_it_opened_the_page_and_leaves_the_clipboard_alone() {
        List<String> opened = new ArrayList<>();
        ApiPaneViewModel api = new ApiPaneViewModel(ApiDescription::bundled, readOnly(5001), opened::add,
                ViewModelTestSupport.SAME_THREAD, dialogs);
        api.openDocs();
        assertEquals(List.of("http://127.0.0.1:5001/docs"), opened);
        assertTrue(api.noteProperty().get().startsWith("Opened http://127.0.0.1:5001/docs in your browser."));
        assertEquals(0, dialogs.copies());
    }

    private static javafx.beans.property.ReadOnlyIntegerProperty readOnly(int port) {
        return new javafx.beans.property.ReadOnlyIntegerWrapper(port).getReadOnlyProperty();
    }
}
