package dev.idun.admin.onboarding;

import dev.idun.admin.onboarding.classfile.ClassFile;
import dev.idun.admin.onboarding.classfile.MethodInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds agent candidates among the classes of one artifact: concrete public classes implementing the Agent SPI
 * (directly or through supertypes of the same artifact) and public static no-argument methods returning a
 * LangGraph4j graph. The server's own classes are never candidates.
 */
final class AgentCandidates {
    static final String AGENT = "dev/idun/engine/agent/Agent";
    private static final String OWN_PACKAGE = "dev/idun/";
    private static final Set<String> GRAPH_TYPES =
            Set.of("Lorg/bsc/langgraph4j/StateGraph;", "Lorg/bsc/langgraph4j/CompiledGraph;");

    private AgentCandidates() {}

    /** The candidates of one artifact; {@code definitionPath} is how the agent config names the artifact. */
    static List<DetectedAgent> find(String location, String definitionPath, Collection<ClassFile> classes) {
        Set<String> agentTypes = agentSubtypes(classes);
        List<DetectedAgent> found = new ArrayList<>();
        for (ClassFile type : classes) {
            if (!type.isPublic()
                    || type.isSynthetic()
                    || type.isModule()
                    || type.name().startsWith(OWN_PACKAGE)) {
                continue;
            }
            String className = type.binaryName();
            if (type.isConcreteClass() && agentTypes.contains(type.name())) {
                found.add(new DetectedAgent(
                        DetectedAgent.Type.CUSTOM,
                        location,
                        className,
                        null,
                        humanize(type.simpleName()),
                        definitionPath + ":" + className));
            }
            for (MethodInfo method : type.methods()) {
                if (isGraphFactory(method)) {
                    found.add(new DetectedAgent(
                            DetectedAgent.Type.LANGGRAPH,
                            location,
                            className,
                            method.name(),
                            humanize(withoutGraphSuffix(type.simpleName())),
                            definitionPath + ":" + className + "::" + method.name()));
                }
            }
        }
        return found;
    }

    private static boolean isGraphFactory(MethodInfo method) {
        return method.isPublic()
                && method.isStatic()
                && !method.isSynthetic()
                && method.takesNoParameters()
                && GRAPH_TYPES.contains(method.returnDescriptor());
    }

    /** Every type of the artifact that reaches the Agent interface through its super class or interfaces. */
    private static Set<String> agentSubtypes(Collection<ClassFile> classes) {
        Map<String, List<String>> subtypes = new HashMap<>();
        for (ClassFile type : classes) {
            if (type.superName() != null) {
                subtypes.computeIfAbsent(type.superName(), k -> new ArrayList<>())
                        .add(type.name());
            }
            for (String implemented : type.interfaces()) {
                subtypes.computeIfAbsent(implemented, k -> new ArrayList<>()).add(type.name());
            }
        }
        Set<String> reached = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(AGENT));
        while (!queue.isEmpty()) {
            for (String subtype : subtypes.getOrDefault(queue.poll(), List.of())) {
                if (reached.add(subtype)) {
                    queue.add(subtype);
                }
            }
        }
        return reached;
    }

    private static String withoutGraphSuffix(String simpleName) {
        for (String suffix : List.of("Graphs", "Graph")) {
            if (simpleName.endsWith(suffix) && simpleName.length() > suffix.length()) {
                return simpleName.substring(0, simpleName.length() - suffix.length());
            }
        }
        return simpleName;
    }

    /** {@code SupportAgent} -> {@code Support Agent}, {@code HTTPAgent} -> {@code HTTP Agent}. */
    static String humanize(String simpleName) {
        String spaced = simpleName
                .replace('_', ' ')
                .replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ")
                .replaceAll("(?<=[A-Z])(?=[A-Z][a-z])", " ")
                .trim()
                .replaceAll("\\s+", " ");
        return spaced.isEmpty() ? "My Agent" : spaced;
    }
}
