package dev.restlab.app;

import dev.restlab.fault.FaultRule;
import dev.restlab.lab.ProgressStore;
import dev.restlab.ui.Dialogs;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a {@link Workbench} is started with besides its store: where its server listens, who may
 * name it, how it opens a browser, where the lab keeps its ticks, and what asks the person.
 * One value instead of constructors that grow one parameter at a time; tests change only what
 * they care about with the {@code with…} methods.
 *
 * @param allowedHosts  host names, besides this computer's, that requests may name ({@code --allow-host})
 * @param openInBrowser shows a URL in the system's browser; throws when it cannot
 * @param labProgress   where the Lab tab keeps which steps are done
 * @param dialogs       what asks the person and writes the clipboard; null for the window's own
 *                      (tests give a fake that answers, e.g. with a file to import)
 * @param faults        fault rules switched on from the start ({@code --fault}), shown in the Faults tab
 */
public record WorkbenchSettings(String host, int port, List<String> allowedHosts, Consumer<String> openInBrowser,
        ProgressStore labProgress, Dialogs dialogs, List<FaultRule> faults) {

    public WorkbenchSettings {
        allowedHosts = List.copyOf(allowedHosts);
        faults = List.copyOf(faults);
    }

    /** Listens on {@code host:port}, no extra host names, lab ticks in memory, the window's own dialogs. */
    public static WorkbenchSettings listening(String host, int port, Consumer<String> openInBrowser) {
        return new WorkbenchSettings(host, port, List.of(), openInBrowser, ProgressStore.inMemory(), null, List.of());
    }

    public WorkbenchSettings withAllowedHosts(List<String> names) {
        return new WorkbenchSettings(host, port, names, openInBrowser, labProgress, dialogs, faults);
    }

    public WorkbenchSettings withLabProgress(ProgressStore progress) {
        return new WorkbenchSettings(host, port, allowedHosts, openInBrowser, progress, dialogs, faults);
    }

    public WorkbenchSettings withDialogs(Dialogs asking) {
        return new WorkbenchSettings(host, port, allowedHosts, openInBrowser, labProgress, asking, faults);
    }

    public WorkbenchSettings withFaults(List<FaultRule> rules) {
        return new WorkbenchSettings(host, port, allowedHosts, openInBrowser, labProgress, dialogs, rules);
    }
}
