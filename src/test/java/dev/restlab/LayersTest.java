package dev.restlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The window talks HTTP like any client; the core knows nothing of JavaFX. */
@AnalyzeClasses(packages = "dev.restlab", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {

    @ArchTest
    static final ArchRule ui_never_reaches_the_store_or_the_server =
            noClasses().that().resideInAPackage("dev.restlab.ui..")
                    .should().dependOnClassesThat().resideInAnyPackage("dev.restlab.users..", "dev.restlab.server..");

    @ArchTest
    static final ArchRule the_core_never_depends_on_javafx =
            noClasses().that().resideInAnyPackage("dev.restlab.users..", "dev.restlab.server..",
                            "dev.restlab.wire..", "dev.restlab.client..", "dev.restlab.openapi..")
                    .should().dependOnClassesThat().resideInAPackage("javafx..");
}
