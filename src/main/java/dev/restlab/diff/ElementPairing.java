package dev.restlab.diff;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inside a stretch of array elements that differ, which left element became which right one:
 * the pairing, in order, that keeps the most members the same. So when one user is inserted and
 * another's email changes, the changed user is paired with itself, not with the newcomer.
 */
final class ElementPairing {

    /** Past this many candidate pairs the elements are paired by position: the search is quadratic. */
    private static final int MOST_CANDIDATES = 40_000;

    private ElementPairing() {
    }

    /** The pairs {i, j}, in order; elements in no pair were removed (left) or added (right). */
    static List<int[]> best(JsonArray l, int fromI, int toI, JsonArray r, int fromJ, int toJ) {
        int a = toI - fromI;
        int b = toJ - fromJ;
        List<int[]> pairs = new ArrayList<>();
        if ((long) a * b > MOST_CANDIDATES) {
            for (int k = 0; k < Math.min(a, b); k++) {
                pairs.add(new int[] {fromI + k, fromJ + k});
            }
            return pairs;
        }
        List<Map<String, String>> left = members(l, fromI, toI);
        List<Map<String, String>> right = members(r, fromJ, toJ);
        int[][] score = new int[a + 1][b + 1];
        int[][] likeness = new int[a][b];
        for (int i = 1; i <= a; i++) {
            for (int j = 1; j <= b; j++) {
                likeness[i - 1][j - 1] = likeness(l.get(fromI + i - 1), left.get(i - 1), r.get(fromJ + j - 1), right.get(j - 1));
                int paired = likeness[i - 1][j - 1] > 0 ? score[i - 1][j - 1] + likeness[i - 1][j - 1] : 0;
                score[i][j] = Math.max(paired, Math.max(score[i - 1][j], score[i][j - 1]));
            }
        }
        Deque<int[]> backwards = new ArrayDeque<>();
        for (int i = a, j = b; i > 0 && j > 0; ) {
            if (likeness[i - 1][j - 1] > 0 && score[i][j] == score[i - 1][j - 1] + likeness[i - 1][j - 1]) {
                backwards.push(new int[] {fromI + i - 1, fromJ + j - 1});
                i--;
                j--;
            } else if (score[i][j] == score[i - 1][j]) {
                i--;
            } else {
                j--;
            }
        }
        pairs.addAll(backwards);
        return pairs;
    }

    /** How alike two elements are: 0 for different kinds, else 1 plus the object members they share. */
    private static int likeness(JsonElement l, Map<String, String> lMembers, JsonElement r, Map<String, String> rMembers) {
        if (l.isJsonObject() != r.isJsonObject() || l.isJsonArray() != r.isJsonArray()
                || l.isJsonPrimitive() != r.isJsonPrimitive() || l.isJsonNull() != r.isJsonNull()) {
            return 0;
        }
        int same = 1;
        for (Map.Entry<String, String> member : lMembers.entrySet()) {
            if (member.getValue().equals(rMembers.get(member.getKey()))) {
                same++;
            }
        }
        return same;
    }

    /** Each element's members by name, each value in its canonical form (empty for non-objects). */
    private static List<Map<String, String>> members(JsonArray array, int from, int to) {
        List<Map<String, String>> all = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            Map<String, String> members = new HashMap<>();
            if (array.get(i).isJsonObject()) {
                JsonObject object = array.get(i).getAsJsonObject();
                object.entrySet().forEach(m -> members.put(m.getKey(), JsonDiff.canonical(m.getValue())));
            }
            all.add(members);
        }
        return all;
    }
}
