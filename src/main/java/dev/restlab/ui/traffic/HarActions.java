package dev.restlab.ui.traffic;

import dev.restlab.har.HarExport;
import dev.restlab.har.HarImport;
import dev.restlab.wire.Exchange;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import dev.restlab.ui.Dialogs;
import dev.restlab.ui.TrafficImport;
import dev.restlab.ui.TrafficSelection;
import dev.restlab.ui.UiThreads;
import dev.restlab.ui.WorkFailed;

/**
 * The traffic pane's HAR menu: the traffic on view written as a HAR 1.2 file (all of it, the
 * filtered rows, or the selected ones), and a HAR file read into a read-only view of its own.
 * Files are read and written off the FX thread; a file that is not HAR is explained, not thrown.
 */
public final class HarActions {

    /** Which exchanges an export writes. */
    public enum Scope {
        /** Every exchange of the list on view, whatever the filter. */
        ALL("all"),
        /** The rows the filter shows. */
        SHOWN("shown"),
        /** The selected rows. */
        SELECTED("selected");

        private final String word;

        Scope(String word) {
            this.word = word;
        }
    }


    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm", Locale.ROOT);

    private final TrafficSelection selection;
    private final TrafficImport traffic;
    private final UiThreads threads;
    private final Dialogs dialogs;
    private final Supplier<String> serverHost;
    private final IntSupplier serverPort;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    /**
     * @param serverHost the address the server listens on, for the HAR's {@code serverIPAddress}
     * @param serverPort the port it listens on
     */
    public HarActions(TrafficSelection selection, TrafficImport traffic, UiThreads threads, Dialogs dialogs,
            Supplier<String> serverHost, IntSupplier serverPort) {
        this.selection = selection;
        this.traffic = traffic;
        this.threads = threads;
        this.dialogs = dialogs;
        this.serverHost = serverHost;
        this.serverPort = serverPort;
    }

    /** Asks where, then writes the exchanges of {@code scope} there as HAR 1.2. */
    public void export(Scope scope) {
        List<Exchange> exchanges = switch (scope) {
            case ALL -> traffic.onView();
            case SHOWN -> List.copyOf(selection.shown());
            case SELECTED -> List.copyOf(selection.selectedExchanges());
        };
        if (exchanges.isEmpty()) {
            status.set("No " + scope.word + " exchanges to export.");
            return;
        }
        String suggested = "restlab-" + (scope == Scope.SELECTED ? "selected-" : "") + LocalDateTime.now().format(STAMP) + ".har";
        dialogs.chooseSaveFile("Export " + exchanges.size() + " exchanges as HAR", suggested, "HAR files", "har")
                .ifPresent(file -> write(exchanges, file, scope));
    }

    private void write(List<Exchange> exchanges, Path file, Scope scope) {
        HarExport export = new HarExport(serverHost.get(), serverPort.getAsInt());
        status.set("Writing " + file.getFileName() + "…");
        threads.run(() -> {
            export.write(exchanges, file);
            return file;
        }, written -> status.set("Exported " + exchanges.size() + " exchanges to " + written + "."), failure -> {
            status.set("");
            if (dialogs.offerAfterProblem("Could not write " + file.getFileName(), reason(failure),
                    "Choose another file…", "Cancel")) {
                export(scope);
            }
        });
    }

    /** Asks for a HAR file, then shows its exchanges in place of the live traffic. */
    public void importHar() {
        dialogs.chooseOpenFile("Import a HAR file (read-only)", "HAR files", "har").ifPresent(this::read);
    }

    private void read(Path file) {
        String name = String.valueOf(file.getFileName());
        status.set("Reading " + name + "…");
        threads.run(() -> HarImport.read(file), exchanges -> { // it refuses a file too large before reading
            status.set("");
            traffic.showImport(name, exchanges);
        }, failure -> {
            status.set("");
            if (dialogs.offerAfterProblem("Could not import " + name, reason(failure), "Choose another file…", "Cancel")) {
                importHar();
            }
        });
    }

    /** A sentence for the person, not a stack trace. */
    static String reason(Exception failure) {
        if (failure instanceof java.nio.file.NoSuchFileException missing) {
            return "There is no file " + missing.getFile() + ".";
        }
        if (failure instanceof java.nio.file.AccessDeniedException denied) {
            return "RestLab may not open " + denied.getFile() + ".";
        }
        if ((failure instanceof IOException || failure instanceof WorkFailed) && failure.getMessage() != null) {
            return failure.getMessage();
        }
        return "The file could not be read as HAR (" + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage()) + ").";
    }

    /** What the last export or import did, or is doing; "" when there is nothing to say. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
