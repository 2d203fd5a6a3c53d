package dev.restlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The window talks HTTP like any client; the core knows nothing of JavaFX; Spark and Jetty stay
 * where the server, the proxy and the capture need them, so that leaving them is a bounded job.
 */
@AnalyzeClasses(packages = "dev.restlab", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {

    @ArchTest
    static final ArchRule ui_never_reaches_the_store_or_the_server =
            noClasses().that().resideInAPackage("dev.restlab.ui..")
                    .should().dependOnClassesThat().resideInAnyPackage("dev.restlab.users..", "dev.restlab.server..");

    @ArchTest
    static final ArchRule the_core_never_depends_on_javafx =
            noClasses().that().resideInAnyPackage("dev.restlab.users..", "dev.restlab.server..",
                            "dev.restlab.wire..", "dev.restlab.client..", "dev.restlab.openapi..",
                            "dev.restlab.http..", "dev.restlab.har..", "dev.restlab.diagram..",
                            "dev.restlab.proxy..", "dev.restlab.diff..")
                    .should().dependOnClassesThat().resideInAPackage("javafx..");

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
                            "dev\\.restlab\\.server\\.(Router|ApiServer|JettyServerFactory|PathlessTargets|HostCheck|ConnectionsPerClient|ChunkExtensionLimit|SingleHostHeader)(\\$.*)?")
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
