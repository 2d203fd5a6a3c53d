package dev.restlab.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Two texts compared line by line, changed lines side by side. */
final class TextDiff {

    /** Lines compared per side: the Myers diff of two long, wholly different texts is quadratic. */
    static final int MAX_LINES = 5_000;

    private TextDiff() {
    }

    /** The rows, and whether either side had more lines than were compared. */
    record Result(List<DiffRow> rows, boolean cut) {
    }

    static Result of(String left, String right) {
        List<String> l = lines(left);
        List<String> r = lines(right);
        boolean cut = l.size() > MAX_LINES || r.size() > MAX_LINES;
        List<String> ls = l.subList(0, Math.min(l.size(), MAX_LINES));
        List<String> rs = r.subList(0, Math.min(r.size(), MAX_LINES));
        List<DiffRow> rows = new ArrayList<>();
        Sequences.align(ls, rs, new Sequences.Aligned() {
            @Override
            public void same(int i, int j) {
                rows.add(DiffRow.same(ls.get(i), rs.get(j)));
            }

            @Override
            public void differ(int fromI, int toI, int fromJ, int toJ) {
                pairUp(ls.subList(fromI, toI), rs.subList(fromJ, toJ), rows);
            }
        });
        return new Result(rows, cut);
    }

    /** Lines that stand in each other's place: changed side by side, the rest added or removed. */
    static void pairUp(List<String> left, List<String> right, List<DiffRow> rows) {
        for (int k = 0; k < Math.max(left.size(), right.size()); k++) {
            if (k >= right.size()) {
                rows.add(DiffRow.removed(left.get(k)));
            } else if (k >= left.size()) {
                rows.add(DiffRow.added(right.get(k)));
            } else if (left.get(k).equals(right.get(k))) {
                rows.add(DiffRow.same(left.get(k), right.get(k)));
            } else {
                rows.add(DiffRow.changed(left.get(k), right.get(k)));
            }
        }
    }

    /** The text's lines without their CR LF or LF; a final line end adds no empty line. */
    static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        lines.replaceAll(line -> line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        return lines;
    }
}
