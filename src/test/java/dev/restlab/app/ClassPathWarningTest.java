package dev.restlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Only JavaFX's class-path warning is kept back; JavaFX's other messages reach the terminal. */
class ClassPathWarningTest {

    private final Logger javafx = Logger.getLogger("javafx");
    private final List<String> printed = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            printed.add(record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        javafx.addHandler(capture);
        javafx.setUseParentHandlers(false); // what passes is captured, not printed among the test output
    }

    @AfterEach
    void stopListening() {
        javafx.removeHandler(capture);
        javafx.setUseParentHandlers(true);
        javafx.setFilter(null);
    }

    /** Logs as JavaFX does: its PlatformLogger writes to System.getLogger("javafx"). */
    private static void logAsJavaFx(System.Logger.Level level, String message) {
        System.getLogger("javafx").log(level, message, (Object[]) null);
    }

    @Test
    void the_class_path_warning_is_kept_back_and_every_other_message_passes() {
        ClassPathWarning.keepBack();
        ClassPathWarning.keepBack(); // a second call changes nothing

        logAsJavaFx(System.Logger.Level.WARNING,
                "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @69eee410'");
        logAsJavaFx(System.Logger.Level.WARNING,
                "Unsupported JavaFX configuration: classes were loaded from 'module other.fx', automatic=true, open=false");
        logAsJavaFx(System.Logger.Level.WARNING, "Loading FXML document with JavaFX API of version 22");
        logAsJavaFx(System.Logger.Level.ERROR,
                "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @1' (as an error)");

        assertEquals(List.of(
                "WARNING Unsupported JavaFX configuration: classes were loaded from 'module other.fx', automatic=true, open=false",
                "WARNING Loading FXML document with JavaFX API of version 22",
                "SEVERE Unsupported JavaFX configuration: classes were loaded from 'unnamed module @1' (as an error)"),
                printed);
    }

    @Test
    void a_filter_set_before_still_applies() {
        javafx.setFilter(record -> !record.getMessage().contains("noisy"));
        ClassPathWarning.keepBack();

        logAsJavaFx(System.Logger.Level.WARNING, "a noisy message");
        logAsJavaFx(System.Logger.Level.WARNING, "a useful message");
        logAsJavaFx(System.Logger.Level.WARNING,
                "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @69eee410'");

        assertEquals(List.of("WARNING a useful message"), printed);
    }
}
