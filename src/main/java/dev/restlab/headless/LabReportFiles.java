package dev.restlab.headless;

import dev.restlab.lab.LabReport;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code --lab-report FILE} checked at the start as {@code --har} is: the report is written only
 * when RestLab stops, too late to say that its folder is missing or that FILE is a folder.
 */
final class LabReportFiles {

    private LabReportFiles() {
    }

    /** Why the report could not be written there (the name, or either of its two files), or empty. */
    static Optional<String> problem(Path report) {
        Optional<String> named = HarFile.problem(report);
        if (named.isPresent()) {
            return named;
        }
        for (Path file : LabReport.files(report)) {
            Optional<String> problem = HarFile.problem(file);
            if (problem.isPresent()) {
                return Optional.of(file.getFileName() + ": " + problem.get());
            }
        }
        return Optional.empty();
    }
}
