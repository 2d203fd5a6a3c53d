package dev.restlab.app;

import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps back the one warning JavaFX logs when it is started from the class path, as
 * {@code java -jar restlab.jar} starts it: "Unsupported JavaFX configuration: classes were loaded
 * from 'unnamed module @…'". A plain {@code java -jar} cannot put JavaFX on the module path (a jar's
 * manifest has no way to say so), and RestLab runs that way on purpose: its tests start JavaFX from
 * the class path too, so the configuration the warning calls unsupported is the one RestLab is
 * checked in. The app image's own runtime has JavaFX as modules and never logs it.
 *
 * <p>Only that record is dropped, and only from JavaFX's logger: every other message JavaFX logs,
 * and the same warning about a named or automatic module, still reaches the terminal.
 */
final class ClassPathWarning {

    /** How the warning starts when JavaFX's classes come from the class path. */
    static final String UNNAMED_MODULE = "Unsupported JavaFX configuration: classes were loaded from 'unnamed module";

    /** JavaFX's logger ("javafx", through System.Logger); held here, as the logging system keeps loggers weakly. */
    private static final Logger JAVAFX = Logger.getLogger("javafx");

    private ClassPathWarning() {
    }

    /** From now on, JavaFX's class-path warning is not printed; any filter set before still applies. */
    static synchronized void keepBack() {
        Filter before = JAVAFX.getFilter();
        if (before instanceof KeepBack) {
            return;
        }
        JAVAFX.setFilter(new KeepBack(before));
    }

    /** Whether {@code record} is the class-path warning, and nothing else. */
    static boolean isClassPathWarning(LogRecord record) {
        return record.getLevel() == Level.WARNING && record.getMessage() != null
                && record.getMessage().startsWith(UNNAMED_MODULE);
    }

    private record KeepBack(Filter before) implements Filter {
        @Override
        public boolean isLoggable(LogRecord record) {
            return !isClassPathWarning(record) && (before == null || before.isLoggable(record));
        }
    }
}
