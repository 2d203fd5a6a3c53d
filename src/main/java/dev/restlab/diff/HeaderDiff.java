package dev.restlab.diff;

import dev.restlab.wire.Header;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Compares two header blocks by field name, which HTTP compares without regard to case: a field
 * only on the right is added, only on the left removed, on both with another value (or another
 * spelling of its name) changed. A field sent several times is compared value by value. Rows
 * follow the left block's order, with the right's new fields where the right sent them. The
 * order of the fields both sides sent is compared apart, since it changes nothing HTTP means.
 */
final class HeaderDiff {

    private HeaderDiff() {
    }

    static DiffSection of(String title, List<Header> left, List<Header> right) {
        Map<String, List<Header>> leftFields = byName(left);
        Map<String, List<Header>> rightFields = byName(right);
        List<DiffRow> rows = new ArrayList<>();
        for (String name : Alignment.merge(List.copyOf(leftFields.keySet()), List.copyOf(rightFields.keySet()))) {
            List<Header> l = leftFields.getOrDefault(name, List.of());
            List<Header> r = rightFields.getOrDefault(name, List.of());
            for (int i = 0; i < Math.max(l.size(), r.size()); i++) {
                if (i >= r.size()) {
                    rows.add(DiffRow.removed(l.get(i).toString()));
                } else if (i >= l.size()) {
                    rows.add(DiffRow.added(r.get(i).toString()));
                } else if (l.get(i).equals(r.get(i))) {
                    rows.add(DiffRow.same(l.get(i).toString(), r.get(i).toString()));
                } else {
                    rows.add(DiffRow.changed(l.get(i).toString(), r.get(i).toString()));
                }
            }
        }
        List<String> notes = left.isEmpty() && right.isEmpty() ? List.of("No header fields on either side.") : List.of();
        return new DiffSection(title, rows, notes, orderChange(leftFields, rightFields));
    }

    /** Fields by lower-case name, in the order each name first appears. */
    private static Map<String, List<Header>> byName(List<Header> headers) {
        Map<String, List<Header>> fields = new LinkedHashMap<>();
        for (Header header : headers) {
            fields.computeIfAbsent(header.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(header);
        }
        return fields;
    }

    private static Optional<String> orderChange(Map<String, List<Header>> left, Map<String, List<Header>> right) {
        List<String> leftOrder = left.keySet().stream().filter(right::containsKey).toList();
        List<String> rightOrder = right.keySet().stream().filter(left::containsKey).toList();
        if (leftOrder.equals(rightOrder)) {
            return Optional.empty();
        }
        return Optional.of("The fields both sent came in another order. Left: "
                + names(leftOrder, left) + ". Right: " + names(rightOrder, right) + ".");
    }

    private static String names(List<String> order, Map<String, List<Header>> fields) {
        return String.join(", ", order.stream().map(name -> fields.get(name).get(0).name()).toList());
    }
}
