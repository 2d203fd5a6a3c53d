package dev.restlab.lab;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Where a lab's progress is kept between starts: a small JSON file in the data folder, or memory. */
public interface ProgressStore {

    /** What is kept of one lab's progress. */
    /**
     * @param partial per step with several checks, how many of them are passed
     * @param skipped the optional steps skipped
     */
    record Saved(List<Tick> ticks, Map<String, String> remembered, Map<String, Integer> partial,
            List<String> skipped) {
        public Saved {
            // A file from an older RestLab lacks the newer fields: Gson leaves them null.
            ticks = ticks == null ? List.of() : List.copyOf(ticks);
            remembered = remembered == null ? Map.of() : Map.copyOf(remembered);
            partial = partial == null ? Map.of() : Map.copyOf(partial);
            skipped = skipped == null ? List.of() : List.copyOf(skipped);
        }
    }

    Optional<Saved> load(Lab lab);

    void save(Lab lab, Saved progress);

    /** Progress kept only while RestLab runs ({@code --in-memory}). */
    static ProgressStore inMemory() {
        Map<String, Saved> kept = new LinkedHashMap<>();
        return new ProgressStore() {
            @Override
            public synchronized Optional<Saved> load(Lab lab) {
                return Optional.ofNullable(kept.get(lab.title()));
            }

            @Override
            public synchronized void save(Lab lab, Saved progress) {
                kept.put(lab.title(), progress);
            }
        };
    }

    /** Progress kept in {@code folder}, one {@code lab-<title>.json} per lab, replaced whole on each save. */
    static ProgressStore inFolder(Path folder) {
        return new ProgressStore() {
            @Override
            public Optional<Saved> load(Lab lab) {
                try {
                    return Optional.ofNullable(JSON.fromJson(Files.readString(file(lab), StandardCharsets.UTF_8), Saved.class));
                } catch (NoSuchFileException none) {
                    return Optional.empty();
                } catch (IOException | JsonParseException damaged) {
                    return Optional.empty(); // a damaged progress file means starting the lab afresh
                }
            }

            @Override
            public void save(Lab lab, Saved progress) {
                Path file = file(lab);
                Path fresh = file.resolveSibling(file.getFileName() + ".new");
                try {
                    Files.writeString(fresh, JSON.toJson(progress), StandardCharsets.UTF_8);
                    try {
                        Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot keep the lab's progress in " + file, e);
                }
            }

            private Path file(Lab lab) {
                String slug = lab.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                        .replaceAll("(^-+|-+$)", "");
                slug = slug.length() > 60 ? slug.substring(0, 60) : slug;
                return folder.resolve("lab-" + (slug.isEmpty() ? "untitled" : slug) + ".json");
            }
        };
    }

    Gson JSON = new GsonBuilder().registerTypeAdapter(Instant.class, new TypeAdapter<Instant>() {
        @Override
        public void write(JsonWriter out, Instant value) throws IOException {
            out.value(value.toString());
        }

        @Override
        public Instant read(JsonReader in) throws IOException {
            return Instant.parse(in.nextString());
        }
    }).setPrettyPrinting().disableHtmlEscaping().create();
}
