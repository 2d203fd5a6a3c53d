package dev.restlab.testing;

import dev.restlab.ui.Dialogs;
import java.nio.file.Path;
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

    /** One file chooser as it was opened: its title and the extensions it offered. */
    public record FileQuestion(String title, List<String> extensions) {
    }

    private final Deque<Boolean> answers = new ArrayDeque<>();
    private final Deque<Optional<Path>> files = new ArrayDeque<>();
    private final List<FileQuestion> fileQuestions = new ArrayList<>();
    private final List<Question> asked = new ArrayList<>();
    private final List<String> copied = new ArrayList<>();

    /** Queues the answers to the next questions, in order: true for OK / accept. */
    public FakeDialogs answering(boolean... next) {
        for (boolean answer : next) {
            answers.add(answer);
        }
        return this;
    }

    /** Queues the files the next file choosers answer, in order. */
    public FakeDialogs choosing(Path... next) {
        for (Path file : next) {
            files.add(Optional.of(file));
        }
        return this;
    }

    /** Queues a file chooser that the person cancels. */
    public FakeDialogs cancellingChooser() {
        files.add(Optional.empty());
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

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName, String description, String... extensions) {
        return chosenFile(title, extensions);
    }

    @Override
    public Optional<Path> chooseOpenFile(String title, String description, String... extensions) {
        return chosenFile(title, extensions);
    }

    /** Every file chooser opened so far, oldest first. */
    public List<FileQuestion> fileQuestions() {
        return List.copyOf(fileQuestions);
    }

    private Optional<Path> chosenFile(String title, String... extensions) {
        fileQuestions.add(new FileQuestion(title, List.of(extensions)));
        if (files.isEmpty()) {
            throw new AssertionError("a file chooser \"" + title + "\" opened but the test scripted no file");
        }
        return files.remove();
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
