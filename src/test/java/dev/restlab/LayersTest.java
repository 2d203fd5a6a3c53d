package dev.restlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages as layers, from the entry point down to {@code http}; the window talks HTTP like any client; the core knows nothing of JavaFX; Spark and Jetty stay
 * where the server, the proxy and the capture need them, so that leaving them is a bounded job.
 */
@AnalyzeClasses(packages = "dev.restlab", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {

    /**
     * Every package in one picture: {@code Main} hands its options to the window ({@code app}) or the
     * terminal ({@code headless}); below them the features, the client, the server and the wire.
     * A layer reaches only downwards, and nothing below the entry point reaches the window.
     */
    @ArchTest
    static final ArchRule the_layers_reach_only_downwards =
            layeredArchitecture().consideringOnlyDependenciesInLayers()
                    .layer("Entry").definedBy("dev.restlab")
                    .layer("App").definedBy("dev.restlab.app..")
                    .layer("Headless").definedBy("dev.restlab.headless..")
                    .layer("Window").definedBy("dev.restlab.ui..")
                    .layer("Features").definedBy("dev.restlab.lab..", "dev.restlab.check..", "dev.restlab.har..",
                            "dev.restlab.diff..", "dev.restlab.diagram..")
                    .layer("Client").definedBy("dev.restlab.client..")
                    .layer("Server").definedBy("dev.restlab.server..", "dev.restlab.proxy..")
                    .layer("OpenApi").definedBy("dev.restlab.openapi..")
                    .layer("Store").definedBy("dev.restlab.users..")
                    .layer("Wire").definedBy("dev.restlab.wire..")
                    .layer("Files").definedBy("dev.restlab.files..")
                    .layer("Faults").definedBy("dev.restlab.fault..")
                    .layer("Http").definedBy("dev.restlab.http..")
                    .whereLayer("Entry").mayOnlyBeAccessedByLayers("App", "Headless")
                    .whereLayer("App").mayOnlyBeAccessedByLayers("Entry")
                    .whereLayer("Headless").mayOnlyBeAccessedByLayers("Entry")
                    .whereLayer("Window").mayOnlyBeAccessedByLayers("App")
                    .whereLayer("Features").mayOnlyBeAccessedByLayers("Entry", "App", "Headless", "Window")
                    .whereLayer("Client").mayOnlyBeAccessedByLayers("App", "Headless", "Window", "Features")
                    .whereLayer("Server").mayOnlyBeAccessedByLayers("Entry", "App", "Headless")
                    .whereLayer("OpenApi").mayOnlyBeAccessedByLayers("App", "Headless", "Window", "Features",
                            "Server")
                    .whereLayer("Store").mayOnlyBeAccessedByLayers("Entry", "App", "Headless", "Server")
                    .whereLayer("Files").mayOnlyBeAccessedByLayers("Entry", "App", "Headless", "Window",
                            "Features", "Server")
                    .whereLayer("Faults").mayOnlyBeAccessedByLayers("Entry", "App", "Headless", "Window",
                            "Features", "Server")
                    .whereLayer("Wire").mayOnlyBeAccessedByLayers("Entry", "App", "Headless", "Window",
                            "Features", "Client", "Server", "OpenApi", "Store");

    /** Only the window and its composition know JavaFX: the terminal side runs where no display is. */
    @ArchTest
    static final ArchRule only_the_window_knows_javafx =
            noClasses().that().resideOutsideOfPackages("dev.restlab.app..", "dev.restlab.ui..")
                    .should().dependOnClassesThat().resideInAPackage("javafx..");

    /** A ViewModel is tested without a Stage: it holds properties, never nodes. */
    @ArchTest
    static final ArchRule view_models_import_no_scene_graph =
            noClasses().that().haveSimpleNameEndingWith("ViewModel")
                    .should().dependOnClassesThat().resideInAPackage("javafx.scene..");

    @ArchTest
    static final ArchRule ui_never_reaches_the_store_or_the_server =
            noClasses().that().resideInAPackage("dev.restlab.ui..")
                    .should().dependOnClassesThat().resideInAnyPackage("dev.restlab.users..", "dev.restlab.server..");

    @ArchTest
    static final ArchRule no_cycles_between_packages =
            slices().matching("dev.restlab.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule spark_and_jetty_only_in_the_server_and_the_capture =
            noClasses().that().resideOutsideOfPackages("dev.restlab.server..", "dev.restlab.wire..",
                            "dev.restlab.proxy..")
                    .should().dependOnClassesThat().resideInAnyPackage("spark..", "org.eclipse.jetty..",
                            "javax.servlet..");

    /** The relay frames HTTP with Jetty's parser, below any server: no Spark, no servlets. */
    @ArchTest
    static final ArchRule the_proxy_uses_jettys_parser_only =
            noClasses().that().resideInAPackage("dev.restlab.proxy..")
                    .should().dependOnClassesThat().resideInAnyPackage("spark..", "javax.servlet..",
                            "org.eclipse.jetty.server..", "dev.restlab.server..");

    /** Routes see {@code RouteRequest} and {@code Reply}; Spark stays in the few classes that start it. */
    @ArchTest
    static final ArchRule route_code_never_sees_spark_or_the_servlet_api =
            noClasses().that().resideInAPackage("dev.restlab.server..")
                    .and().haveNameNotMatching(
                            "dev\\.restlab\\.server\\.(Router|ApiServer|JettyServerFactory|PathlessTargets|HostCheck|ConnectionsPerClient|SlowRequestSweeper|SingleHostHeader|FaultInjector)(\\$.*)?")
                    .should().dependOnClassesThat().resideInAnyPackage("spark..", "javax.servlet..",
                            "org.eclipse.jetty..");

    /** The HAR library's model stays behind HarExport and HarImport: the rest sees exchanges. */
    @ArchTest
    static final ArchRule the_har_library_only_in_the_har_package =
            noClasses().that().resideOutsideOfPackage("dev.restlab.har..")
                    .should().dependOnClassesThat().resideInAPackage("de.sstoehr..");

    @ArchTest
    static final ArchRule http_depends_on_nothing_but_the_jdk =
            noClasses().that().resideInAPackage("dev.restlab.http..")
                    .should().dependOnClassesThat().resideOutsideOfPackages("dev.restlab.http..", "java..");
}
