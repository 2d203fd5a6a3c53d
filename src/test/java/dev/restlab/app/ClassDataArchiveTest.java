package dev.restlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.io.File;
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
        assertTrue(ClassDataArchive.prepare(), "no archive yet: the JVM writes one as this start exits");
        assertTrue(Files.isDirectory(archive.getParent()));
        ClassDataArchive.prepare(); // the next start finds it there
        assertTrue(Files.isDirectory(archive.getParent()));
    }

    @Test
    void a_start_that_finds_its_archive_writes_none_at_exit() throws Exception {
        Path archive = home.resolve("restlab.jsa");
        System.setProperty(ClassDataArchive.PROPERTY, archive.toString());
        assertTrue(ClassDataArchive.prepare());
        Files.writeString(archive, "an archive the JVM wrote as that start exited");
        assertFalse(ClassDataArchive.prepare());
        assertTrue(Files.exists(archive), "made from these very jars: kept");
    }

    @Test
    void no_archive_named_none_written() {
        assertFalse(ClassDataArchive.prepare());
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
        ClassDataArchive.prepare(); // says why on stderr, throws nothing
        assertTrue(Files.isRegularFile(file));
    }

    @Test
    void an_archive_made_from_other_jars_is_deleted_so_that_the_next_start_makes_one_from_these() throws Exception {
        Path app = Files.createDirectories(home.resolve("RestLab/lib/app"));
        Path jar = Files.writeString(app.resolve("restlab.jar"), "version 1");
        Path library = Files.writeString(app.resolve("library.jar"), "a library");
        String classPath = jar + File.pathSeparator + library;
        Path archive = home.resolve("cache/restlab.jsa");
        Files.createDirectories(archive.getParent());
        Path note = archive.resolveSibling("restlab.jsa" + ClassDataArchive.JARS_SUFFIX);

        // First start: no archive yet; the JVM writes one at exit, from these jars.
        ClassDataArchive.keepInStep(archive, ClassDataArchive.jarsOf(classPath));
        assertTrue(Files.exists(note));
        Files.writeString(archive, "what the JVM wrote at exit");

        // Next start, same jars: the archive is used and stays.
        ClassDataArchive.keepInStep(archive, ClassDataArchive.jarsOf(classPath));
        assertTrue(Files.exists(archive));

        // An update: the JVM would run without the archive and never write a new one; it goes.
        Files.writeString(jar, "version 2, longer");
        ClassDataArchive.keepInStep(archive, ClassDataArchive.jarsOf(classPath));
        assertFalse(Files.exists(archive), "an archive of other jars is deleted");
        assertFalse(Files.exists(note));

        // The start after that writes a new one, noted with the new jars.
        ClassDataArchive.keepInStep(archive, ClassDataArchive.jarsOf(classPath));
        assertEquals(ClassDataArchive.jarsOf(classPath), Files.readString(note));
    }

    @Test
    void the_jars_are_told_apart_as_the_jvm_tells_them_by_name_size_and_time_not_by_folder() throws Exception {
        Path one = Files.writeString(Files.createDirectories(home.resolve("unpacked-here")).resolve("restlab.jar"), "same");
        Path two = Files.writeString(Files.createDirectories(home.resolve("unpacked-there")).resolve("restlab.jar"), "same");
        FileTime built = FileTime.fromMillis(1_700_000_000_000L);
        Files.setLastModifiedTime(one, built);
        Files.setLastModifiedTime(two, built);
        assertEquals(ClassDataArchive.jarsOf(one.toString()), ClassDataArchive.jarsOf(two.toString()),
                "the same image unpacked elsewhere keeps its archive");
        Files.setLastModifiedTime(two, FileTime.fromMillis(built.toMillis() + 2000));
        assertNotEquals(ClassDataArchive.jarsOf(one.toString()), ClassDataArchive.jarsOf(two.toString()),
                "copied without its files' times, the JVM would not use the archive");
        Files.writeString(two, "other");
        Files.setLastModifiedTime(two, built);
        assertNotEquals(ClassDataArchive.jarsOf(one.toString()), ClassDataArchive.jarsOf(two.toString()));
    }

    @Test
    void an_archive_with_no_note_of_its_jars_is_replaced_too() throws Exception {
        // Made by a version before the note, or by a first start with --headless (without the window's classes).
        Path archive = Files.writeString(Files.createDirectories(home.resolve("cache")).resolve("restlab.jsa"), "archive");
        ClassDataArchive.keepInStep(archive, ClassDataArchive.jarsOf(home.toString()));
        assertFalse(Files.exists(archive));
    }
}
