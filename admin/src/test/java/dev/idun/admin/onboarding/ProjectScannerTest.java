package dev.idun.admin.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectScannerTest {
    static final String SUPPORT = "com.acme.SupportAgent";
    static final String BASE = "com.acme.BaseAgent";
    static final String TRIAGE = "com.acme.TriageAgent";
    static final String ASSISTANT = "com.acme.Assistant";
    static final String HELPER = "com.acme.HTTPHelperAgent";
    static final String HIDDEN = "com.acme.HiddenAgent";
    static final String GRAPHS = "com.acme.graphs.SupportGraphs";
    static final String GRAPH = "com.acme.graphs.Graph";
    static final String PLAIN = "com.acme.Plain";
    static final String OWN = "dev.idun.engine.agent.EchoAgent";

    @TempDir
    static Path compiled;

    static Path classes;

    @TempDir
    Path root;

    @BeforeAll
    static void compileSources() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("dev.idun.engine.agent.Agent", CompiledSources.AGENT_SPI);
        sources.put("org.bsc.langgraph4j.StateGraph", CompiledSources.STATE_GRAPH);
        sources.put("org.bsc.langgraph4j.CompiledGraph", CompiledSources.COMPILED_GRAPH);
        sources.put(
                OWN,
                "package dev.idun.engine.agent; public class EchoAgent implements Agent {"
                        + " public String name() { return \"echo\"; } }");
        sources.put(
                SUPPORT,
                "package com.acme; public class SupportAgent implements dev.idun.engine.agent.Agent {"
                        + " public String name() { return \"support\"; } }");
        sources.put(
                BASE, "package com.acme; public abstract class BaseAgent implements dev.idun.engine.agent.Agent {}");
        sources.put(
                TRIAGE,
                "package com.acme; public class TriageAgent extends BaseAgent {"
                        + " public String name() { return \"triage\"; } }");
        sources.put(ASSISTANT, "package com.acme; public interface Assistant extends dev.idun.engine.agent.Agent {}");
        sources.put(
                HELPER,
                "package com.acme; public class HTTPHelperAgent implements Assistant {"
                        + " public String name() { return \"helper\"; } }");
        sources.put(
                HIDDEN,
                "package com.acme; class HiddenAgent implements dev.idun.engine.agent.Agent {"
                        + " public String name() { return \"hidden\"; } }");
        sources.put(PLAIN, "package com.acme; public class Plain { public static Object build() { return null; } }");
        sources.put(GRAPHS, """
                package com.acme.graphs;
                import org.bsc.langgraph4j.CompiledGraph;
                import org.bsc.langgraph4j.StateGraph;
                public class SupportGraphs {
                    public static StateGraph<String> build() { return new StateGraph<>(); }
                    public static CompiledGraph<String> compiled() { return null; }
                    public StateGraph<String> instance() { return null; }
                    public static StateGraph<String> withInput(String input) { return null; }
                    static StateGraph<String> packagePrivate() { return null; }
                    private static StateGraph<String> hidden() { return null; }
                }
                """);
        sources.put(
                GRAPH,
                "package com.acme.graphs; public class Graph {"
                        + " public static org.bsc.langgraph4j.StateGraph<String> make() { return null; } }");
        classes = CompiledSources.compile(compiled.resolve("classes"), sources);
    }

    ScanResult scan() {
        return new ProjectScanner(compiled).scan(root);
    }

    String abs(String relative) {
        return root.resolve(relative).toString();
    }

    @Test
    void finds_a_custom_agent_in_a_jar() {
        CompiledSources.jar(root.resolve("libs/agents.jar"), classes, SUPPORT);

        ScanResult result = scan();

        assertThat(result.hasJavaArtifacts()).isTrue();
        assertThat(result.root()).isEqualTo(root.toString());
        assertThat(result.detected())
                .containsExactly(new DetectedAgent(
                        DetectedAgent.Type.CUSTOM,
                        "libs/agents.jar",
                        SUPPORT,
                        null,
                        "Support Agent",
                        abs("libs/agents.jar") + ":" + SUPPORT));
    }

    @Test
    void names_artifacts_in_definitions_relative_to_the_working_directory_when_inside_it() {
        CompiledSources.jar(root.resolve("libs/agents.jar"), classes, SUPPORT);

        ScanResult result = new ProjectScanner(root.getParent()).scan(root);

        assertThat(result.detected())
                .extracting(DetectedAgent::location, DetectedAgent::definition)
                .containsExactly(tuple("libs/agents.jar", root.getFileName() + "/libs/agents.jar:" + SUPPORT));
    }

    @Test
    void finds_agents_through_a_super_class_or_an_interface_of_the_same_jar() {
        CompiledSources.jar(root.resolve("agents.jar"), classes, SUPPORT, BASE, TRIAGE, ASSISTANT, HELPER, HIDDEN);

        ScanResult result = scan();

        assertThat(result.detected())
                .extracting(DetectedAgent::className, DetectedAgent::inferredName)
                .containsExactly(
                        tuple(HELPER, "HTTP Helper Agent"),
                        tuple(SUPPORT, "Support Agent"),
                        tuple(TRIAGE, "Triage Agent"));
    }

    @Test
    void does_not_detect_a_class_whose_agent_super_class_is_in_another_artifact() {
        CompiledSources.jar(root.resolve("triage.jar"), classes, TRIAGE);
        CompiledSources.jar(root.resolve("base.jar"), classes, BASE);

        ScanResult result = scan();

        assertThat(result.hasJavaArtifacts()).isTrue();
        assertThat(result.detected()).isEmpty();
    }

    @Test
    void finds_public_static_graph_factories_in_maven_classes() {
        CompiledSources.copyClasses(classes, root.resolve("target/classes"), GRAPHS, GRAPH, PLAIN);

        ScanResult result = scan();

        assertThat(result.detected())
                .extracting(
                        DetectedAgent::type,
                        DetectedAgent::location,
                        DetectedAgent::method,
                        DetectedAgent::inferredName,
                        DetectedAgent::definition)
                .containsExactly(
                        tuple(
                                DetectedAgent.Type.LANGGRAPH,
                                "target/classes",
                                "make",
                                "Graph",
                                abs("target/classes") + ":" + GRAPH + "::make"),
                        tuple(
                                DetectedAgent.Type.LANGGRAPH,
                                "target/classes",
                                "build",
                                "Support",
                                abs("target/classes") + ":" + GRAPHS + "::build"),
                        tuple(
                                DetectedAgent.Type.LANGGRAPH,
                                "target/classes",
                                "compiled",
                                "Support",
                                abs("target/classes") + ":" + GRAPHS + "::compiled"));
    }

    @Test
    void finds_gradle_classes_of_a_module() {
        CompiledSources.copyClasses(classes, root.resolve("service/build/classes/java/main"), SUPPORT);
        CompiledSources.copyClasses(classes, root.resolve("service/build/classes/java/test"), TRIAGE, BASE);

        ScanResult result = scan();

        assertThat(result.detected())
                .extracting(DetectedAgent::location, DetectedAgent::className)
                .containsExactly(tuple("service/build/classes/java/main", SUPPORT));
    }

    @Test
    void ignores_maven_test_classes() {
        CompiledSources.copyClasses(classes, root.resolve("target/test-classes"), SUPPORT);

        assertThat(scan().detected()).isEmpty();
    }

    @Test
    void never_reports_the_servers_own_classes() {
        CompiledSources.jar(root.resolve("idun.jar"), classes, OWN, "dev.idun.engine.agent.Agent");

        ScanResult result = scan();

        assertThat(result.hasJavaArtifacts()).isTrue();
        assertThat(result.detected()).isEmpty();
    }

    @Test
    void skips_garbage_class_files_and_jars_and_keeps_the_good_ones() throws IOException {
        CompiledSources.copyClasses(classes, root.resolve("target/classes"), GRAPHS);
        Files.write(root.resolve("target/classes/com/acme/Junk.class"), "not a class".getBytes());
        byte[] support = CompiledSources.classBytes(classes, SUPPORT);
        Files.write(root.resolve("target/classes/com/acme/Cut.class"), Arrays.copyOf(support, support.length / 2));
        Files.write(root.resolve("broken.jar"), new byte[] {0x50, 0x4b, 0x03, 0x04, 1, 2, 3});
        Files.write(root.resolve("empty.jar"), new byte[0]);
        CompiledSources.jarOf(
                root.resolve("mixed.jar"),
                Map.of(
                        "com/acme/Bad.class",
                        new byte[] {(byte) 0xCA, (byte) 0xFE},
                        SUPPORT.replace('.', '/') + ".class",
                        support));

        ScanResult result = scan();

        assertThat(result.detected())
                .extracting(DetectedAgent::location, DetectedAgent::className, DetectedAgent::method)
                .containsExactly(
                        tuple("mixed.jar", SUPPORT, null),
                        tuple("target/classes", GRAPHS, "build"),
                        tuple("target/classes", GRAPHS, "compiled"));
    }

    @Test
    void reports_java_artifacts_even_when_none_of_them_holds_an_agent() throws IOException {
        Files.write(root.resolve("broken.jar"), "garbage".getBytes());

        ScanResult result = scan();

        assertThat(result.hasJavaArtifacts()).isTrue();
        assertThat(result.detected()).isEmpty();
    }

    @Test
    void reports_no_java_artifacts_in_a_directory_without_jars_or_classes() throws IOException {
        Files.writeString(root.resolve("README.md"), "hello");
        Files.write(root.resolve("Loose.class"), CompiledSources.classBytes(classes, SUPPORT));

        ScanResult result = scan();

        assertThat(result.hasJavaArtifacts()).isFalse();
        assertThat(result.detected()).isEmpty();
    }

    @Test
    void does_not_descend_more_than_four_directories() {
        CompiledSources.jar(root.resolve("a/b/c/d/ok.jar"), classes, SUPPORT);
        CompiledSources.jar(root.resolve("a/b/c/d/e/deep.jar"), classes, TRIAGE, BASE);

        ScanResult result = scan();

        assertThat(result.detected()).extracting(DetectedAgent::location).containsExactly("a/b/c/d/ok.jar");
    }

    @Test
    void skips_git_node_modules_and_dot_directories() {
        CompiledSources.jar(root.resolve(".git/objects/a.jar"), classes, SUPPORT);
        CompiledSources.jar(root.resolve("node_modules/pkg/a.jar"), classes, SUPPORT);
        CompiledSources.jar(root.resolve(".gradle/caches/a.jar"), classes, SUPPORT);

        ScanResult result = scan();

        assertThat(result.hasJavaArtifacts()).isFalse();
        assertThat(result.detected()).isEmpty();
    }

    @Test
    void never_follows_symbolic_links() throws IOException {
        Path elsewhere = compiled.resolve("elsewhere");
        CompiledSources.jar(elsewhere.resolve("agents.jar"), classes, SUPPORT);
        CompiledSources.copyClasses(classes, elsewhere.resolve("classes"), GRAPHS);
        Files.createSymbolicLink(root.resolve("linked-dir"), elsewhere);
        Files.createSymbolicLink(root.resolve("linked.jar"), elsewhere.resolve("agents.jar"));
        Files.createDirectories(root.resolve("target"));
        Files.createSymbolicLink(root.resolve("target/classes"), elsewhere.resolve("classes"));

        ScanResult result = scan();

        assertThat(result.hasJavaArtifacts()).isFalse();
        assertThat(result.detected()).isEmpty();
    }

    @Test
    void skips_jars_over_fifty_megabytes() throws IOException {
        try (RandomAccessFile big =
                new RandomAccessFile(root.resolve("huge.jar").toFile(), "rw")) {
            big.setLength(ProjectScanner.MAX_FILE_BYTES + 1);
        }

        assertThat(scan().hasJavaArtifacts()).isFalse();
    }

    @Test
    void reports_a_class_found_in_a_jar_and_in_a_classes_directory_once_from_the_jar() {
        CompiledSources.jar(root.resolve("target/app.jar"), classes, SUPPORT);
        CompiledSources.copyClasses(classes, root.resolve("target/classes"), SUPPORT);

        ScanResult result = scan();

        assertThat(result.detected()).extracting(DetectedAgent::location).containsExactly("target/app.jar");
    }

    @Test
    void ignores_a_class_stored_under_a_path_that_does_not_match_its_name() {
        CompiledSources.jarOf(
                root.resolve("boot.jar"),
                Map.of("BOOT-INF/classes/com/acme/SupportAgent.class", CompiledSources.classBytes(classes, SUPPORT)));

        assertThat(scan().detected()).isEmpty();
    }

    @Test
    void scans_a_missing_root_as_empty() {
        ScanResult result = new ProjectScanner(compiled).scan(root.resolve("missing"));

        assertThat(result.hasJavaArtifacts()).isFalse();
        assertThat(result.detected()).isEmpty();
        assertThat(result.scanDurationMs()).isNotNegative();
    }

    @Test
    void splits_class_names_on_camel_case() {
        assertThat(AgentCandidates.humanize("SupportAgent")).isEqualTo("Support Agent");
        assertThat(AgentCandidates.humanize("HTTPAgent")).isEqualTo("HTTP Agent");
        assertThat(AgentCandidates.humanize("my_agent2Go")).isEqualTo("my agent2 Go");
        assertThat(AgentCandidates.humanize("_")).isEqualTo("My Agent");
    }
}
