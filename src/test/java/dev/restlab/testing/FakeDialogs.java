package dev.restlab.testing;

import dev.restlab.ui.Dialogs;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * {@link Dialogs} for tests: answers questions from a script given in advance, records what was
 * asked and what went on the clipboard. A question nobody scripted an answer for fails the test,
 * so a ViewModel cannot ask more than the test expects.
 */
public final class FakeDialogs implements Dialogs {

    /** One question as it was put: its header and its text. */
    public record Question(String header, String text) {
    }

    private final Deque<Boolean> answers = new ArrayDeque<>();
    private final List<Question> asked = new ArrayList<>();
    private final List<String> copied = new ArrayList<>();

    /** Queues the answers to the next questions, in order: true for OK / accept. */
    public FakeDialogs answering(boolean... next) {
        for (boolean answer : next) {
            answers.add(answer);
        }
        return this;
    }

    @Override
    public boolean confirm(String title, String header, String text) {
        return answer(header, text);
    }

    @Override
    public boolean offerAfterProblem(String header, String text, String accept, String decline) {
        return answer(header, text);
    }

    @Override
    public void copyToClipboard(String text) {
        copied.add(text);
    }

    /** Every question asked so far, oldest first. */
    public List<Question> asked() {
        return List.copyOf(asked);
    }

    /** What was put on the clipboard last, if anything. */
    public Optional<String> clipboard() {
        return copied.isEmpty() ? Optional.empty() : Optional.of(copied.get(copied.size() - 1));
    }

    /** How many times something was put on the clipboard. */
    public int copies() {
        return copied.size();
    }

    private boolean answer(String header, String text) {
        asked.add(new Question(header, text));
        if (answers.isEmpty()) {
            throw new AssertionError("asked \"" + header + "\" but the test scripted no answer: " + text);
        }
        return answers.remove();
    }
}
