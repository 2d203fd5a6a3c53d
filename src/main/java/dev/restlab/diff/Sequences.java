package dev.restlab.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.List;

/**
 * Lines up two sequences (a body's lines, a JSON array's elements) with java-diff-utils' Myers
 * diff: runs both sides share, and between them the stretches that differ.
 */
final class Sequences {

    /** What to do with each aligned stretch. */
    interface Aligned {
        /** {@code left.get(i)} equals {@code right.get(j)}. */
        void same(int i, int j);

        /** Left {@code [fromI, toI)} stands where right {@code [fromJ, toJ)} stands; either may be empty. */
        void differ(int fromI, int toI, int fromJ, int toJ);
    }

    private Sequences() {
    }

    static <T> void align(List<T> left, List<T> right, Aligned aligned) {
        int i = 0;
        int j = 0;
        for (AbstractDelta<T> delta : DiffUtils.diff(left, right).getDeltas()) {
            int fromI = delta.getSource().getPosition();
            int fromJ = delta.getTarget().getPosition();
            while (i < fromI) {
                aligned.same(i++, j++);
            }
            i = fromI + delta.getSource().size();
            j = fromJ + delta.getTarget().size();
            aligned.differ(fromI, i, fromJ, j);
        }
        while (i < left.size()) {
            aligned.same(i++, j++);
        }
    }
}
