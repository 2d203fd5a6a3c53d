package dev.restlab.ui.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.fault.FaultRules;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaultsPaneViewModelTest {

    private final FaultRules rules = new FaultRules(new Random(7));
    private final FaultsPaneViewModel faults = new FaultsPaneViewModel(rules);

    @Test
    void what_is_typed_is_explained_as_it_is_typed_and_added_switched_on() {
        faults.typedProperty().set("status 503 on POST /people/v1/users");
        assertTrue(faults.previewProperty().get().startsWith("Reads as: status 503 on POST /people/v1/users."),
                faults.previewProperty().get());
        faults.add();
        assertEquals(1, faults.rows().size());
        assertTrue(faults.rows().get(0).on());
        assertEquals("", faults.typedProperty().get(), "the field is ready for the next rule");
        assertTrue(faults.messageProperty().get().contains("Retry-After"), faults.messageProperty().get());
        assertTrue(rules.pick("POST", "/people/v1/users").isPresent(), "the server's rules have it");
    }

    @Test
    void a_rule_that_cannot_be_read_is_not_added_and_says_why() {
        faults.typedProperty().set("status 200");
        assertTrue(faults.previewProperty().get().contains("'200' is not an error status"));
        faults.add();
        assertEquals(0, faults.rows().size());
        assertTrue(faults.messageProperty().get().startsWith("Not added: "), faults.messageProperty().get());
        assertEquals("status 200", faults.typedProperty().get(), "what was typed stays to be mended");
    }

    @Test
    void a_rule_is_switched_off_and_on_and_removed() {
        faults.typedProperty().set("reset on DELETE");
        faults.add();
        faults.toggle(faults.rows().get(0));
        assertTrue(!faults.rows().get(0).on() && faults.rows().get(0).text().startsWith("○ off: reset on DELETE"));
        assertTrue(rules.pick("DELETE", "/people/v1/users/x").isEmpty(), "switched off, it touches nothing");
        faults.toggle(faults.rows().get(0));
        assertTrue(rules.pick("DELETE", "/people/v1/users/x").isPresent());
        assertTrue(FaultsPaneViewModel.details(Optional.of(faults.rows().get(0))).contains("A good client retries"));
        faults.remove(faults.rows().get(0));
        assertEquals(0, faults.rows().size());
        assertTrue(rules.entries().isEmpty());
    }
}
