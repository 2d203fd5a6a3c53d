package dev.restlab.ui.faults;

import dev.restlab.fault.FaultRule;
import dev.restlab.fault.FaultRuleException;
import dev.restlab.fault.FaultRules;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Faults tab: the rules the server misbehaves by (the built-in API, or in proxy mode the
 * relay in front of the student's server), added, switched on and off and removed while it runs. What is typed is explained as it is typed: what a client will see, or
 * why the rule cannot be read.
 */
public final class FaultsPaneViewModel {

    /** One rule as the list shows it. */
    public record Row(FaultRule rule, boolean on) {
        /** E.g. {@code ● delay 300ms on GET /people/v1/users — The answer comes 300ms late.} */
        public String text() {
            return (on ? "● " : "○ off: ") + rule.text() + " — " + rule.explanation();
        }
    }

    private final FaultRules rules;
    private final StringProperty typed = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();

    public FaultsPaneViewModel(FaultRules rules) {
        this.rules = rules;
        typed.addListener((o, was, now) -> preview.set(describe(now)));
        refresh();
    }

    /** Adds the typed rule, switched on; a rule that cannot be read is refused with its reason. */
    public void add() {
        try {
            FaultRule rule = FaultRule.parse(typed.get());
            rules.add(rule);
            message.set("Switched on: " + rule.text() + ". " + rule.advice());
            typed.set("");
            refresh();
        } catch (FaultRuleException e) {
            message.set("Not added: " + e.getMessage());
        }
    }

    /** Switches the rule on when it is off and off when it is on. */
    public void toggle(Row row) {
        rules.switchTo(row.rule(), !row.on());
        message.set((row.on() ? "Switched off: " : "Switched on: ") + row.rule().text());
        refresh();
    }

    public void remove(Row row) {
        rules.remove(row.rule());
        message.set("Removed: " + row.rule().text());
        refresh();
    }

    /** What the selected rule does and what a good client does about it. */
    public static String details(Optional<Row> row) {
        return row.map(r -> r.rule().explanation() + " " + r.rule().advice())
                .orElse("Select a rule to see what a client meets and what a good client does.");
    }

    private static String describe(String text) {
        if (text.isBlank()) {
            return "";
        }
        try {
            FaultRule rule = FaultRule.parse(text);
            return "Reads as: " + rule.text() + ". " + rule.explanation();
        } catch (FaultRuleException e) {
            return e.getMessage();
        }
    }

    private void refresh() {
        rows.setAll(rules.entries().stream().map(entry -> new Row(entry.rule(), entry.on())).toList());
    }

    public StringProperty typedProperty() {
        return typed;
    }

    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }
}
