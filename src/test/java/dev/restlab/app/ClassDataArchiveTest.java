package dev.restlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

    @TempDir
    Path home;

    @AfterEach
    void forget() {
        System.clearProperty(ClassDataArchive.PROPERTY);
    }

    @Test
    void the_folder_the_launcher_names_is_made_so_that_the_jvm_can_write_the_archive_at_exit() {
        Path archive = home.resolve(".cache").resolve("RestLab").resolve("restlab.jsa");
        System.setProperty(ClassDataArchive.PROPERTY, archive.toString());
        ClassDataArchive.prepareFolder();
        assertTrue(Files.isDirectory(archive.getParent()));
        ClassDataArchive.prepareFolder(); // the next start finds it there
        assertTrue(Files.isDirectory(archive.getParent()));
    }

    @Test
    void no_folder_without_an_archive_or_where_the_launcher_left_a_variable_unexpanded() {
        assertEquals(Optional.empty(), ClassDataArchive.folder(null));
        assertEquals(Optional.empty(), ClassDataArchive.folder(""));
        assertEquals(Optional.empty(), ClassDataArchive.folder("$HOME/.cache/RestLab/restlab.jsa"));
        assertEquals(Optional.empty(), ClassDataArchive.folder(home + "/$LOCALAPPDATA/restlab.jsa"));
        assertEquals(Optional.empty(), ClassDataArchive.folder("relative/restlab.jsa"));
        assertEquals(Optional.of(home.resolve("cache")), ClassDataArchive.folder(home.resolve("cache/restlab.jsa").toString()));
    }

    @Test
    void a_folder_that_cannot_be_made_costs_only_the_archive() throws Exception {
        Path file = Files.writeString(home.resolve("a-file"), "not a folder");
        System.setProperty(ClassDataArchive.PROPERTY, file.resolve("restlab.jsa").toString());
        ClassDataArchive.prepareFolder(); // says why on stderr, throws nothing
        assertTrue(Files.isRegularFile(file));
    }
}
