package com.omnicanal.e2e;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Structural checks on {@code infra/docker-compose.yml}, the Kubernetes base under {@code infra/k8s} and their
 * environment templates. Every check returns the violations it finds as {@code "<subject>: <problem>"}; none
 * throws, so a test can assert both that the real manifests pass and that a bad document is caught.
 */
final class InfraManifests {

    static final List<String> SERVICES =
            List.of("profile-service", "conversation-service", "campaign-service", "feedback-service");
    static final List<String> APPS = Stream.concat(Stream.of("gateway"), SERVICES.stream()).toList();
    static final List<String> COMPOSE_INFRA = List.of("mongo", "rabbitmq", "keycloak");
    /** Host ports compose may publish, per service; everything else stays on the compose network. */
    static final Map<String, Set<String>> PUBLISHED_PORTS =
            Map.of("gateway", Set.of("8080"), "keycloak", Set.of("8180"), "rabbitmq", Set.of("15672"));
    static final String PLACEHOLDER = "change-me";

    private static final Pattern SECRET_NAME = Pattern.compile("PASS|SECRET|TOKEN", Pattern.CASE_INSENSITIVE);
    /** {@code ${NAME}}, {@code ${NAME?err}} or {@code ${NAME:?err}}: a reference with no default value. */
    private static final Pattern REQUIRED_REFERENCE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*(:?\\?[^}]*)?}");
    private static final Pattern ANY_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)");
    /** The password of {@code scheme://user:password@host}. */
    private static final Pattern URL_CREDENTIALS = Pattern.compile("://[^:/@\\s]+:([^@\\s]+)@");
    private static final String HEALTH_PATH = "/actuator/health";

    private InfraManifests() {
    }

    // --- loading ------------------------------------------------------------------------------------

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("infra"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no directory with infra/ above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** Every mapping document of a (multi-document) YAML text. */
    static List<Map<String, Object>> parse(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (document instanceof Map<?, ?>) {
                documents.add(map(document));
            }
        }
        return documents;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code .yaml}/{@code .yml} file under a directory, sorted. */
    static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- docker-compose -----------------------------------------------------------------------------

    static List<String> checkCompose(Map<String, Object> compose) {
        List<String> violations = new ArrayList<>();
        Map<String, Object> services = map(compose.get("services"));
        Stream.concat(APPS.stream(), COMPOSE_INFRA.stream()).filter(name -> !services.containsKey(name))
                .forEach(name -> violations.add(name + ": missing from docker-compose.yml"));
        services.forEach((name, service) -> {
            checkComposeHealthcheck(name, map(service), violations);
            checkComposeDependencies(name, map(service), violations);
            checkComposeEnvironment(name, map(service), violations);
            checkComposePorts(name, map(service), violations);
        });
        SERVICES.forEach(name -> requireHealthyDependencies(name, services, COMPOSE_INFRA, violations));
        requireHealthyDependencies("gateway", services,
                Stream.concat(Stream.of("keycloak"), SERVICES.stream()).toList(), violations);
        return violations;
    }

    private static void checkComposeHealthcheck(String name, Map<String, Object> service, List<String> violations) {
        Map<String, Object> healthcheck = map(service.get("healthcheck"));
        if (healthcheck.get("test") == null || Boolean.TRUE.equals(healthcheck.get("disable"))) {
            violations.add(name + ": no healthcheck");
        }
    }

    /** Every dependency waits for health: no short (list) syntax, no service_started. */
    private static void checkComposeDependencies(String name, Map<String, Object> service, List<String> violations) {
        Object dependsOn = service.get("depends_on");
        if (dependsOn instanceof List<?> list) {
            list.forEach(dependency -> violations.add(
                    name + ": depends on " + dependency + " without condition service_healthy"));
            return;
        }
        map(dependsOn).forEach((dependency, spec) -> {
            if (!"service_healthy".equals(map(spec).get("condition"))) {
                violations.add(name + ": depends on " + dependency + " without condition service_healthy");
            }
        });
    }

    private static void requireHealthyDependencies(String name, Map<String, Object> services, List<String> required,
                                                   List<String> violations) {
        if (!services.containsKey(name)) {
            return;
        }
        Object dependsOn = map(services.get(name)).get("depends_on");
        Set<String> present = dependsOn instanceof List<?> list
                ? new TreeSet<>(list.stream().map(String::valueOf).toList()) : map(dependsOn).keySet();
        required.stream().filter(dependency -> !present.contains(dependency))
                .forEach(dependency -> violations.add(name + ": does not depend on " + dependency));
    }

    private static void checkComposeEnvironment(String name, Map<String, Object> service, List<String> violations) {
        composeEnvironment(service.get("environment")).forEach((variable, value) -> {
            if (isSecretName(variable) && (value == null || !REQUIRED_REFERENCE.matcher(value).matches())) {
                violations.add(name + ": " + variable + " must be a ${...} reference without a default, not a literal");
            } else if (hasLiteralUrlPassword(value)) {
                violations.add(name + ": " + variable + " has a literal password in a URL");
            }
        });
    }

    /** Compose environment in either syntax: a mapping, or a list of {@code NAME=value}. */
    private static Map<String, String> composeEnvironment(Object environment) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String[] pair = String.valueOf(entry).split("=", 2);
                variables.put(pair[0], pair.length > 1 ? pair[1] : null);
            }
        } else {
            map(environment).forEach((variable, value) ->
                    variables.put(variable, value == null ? null : String.valueOf(value)));
        }
        return variables;
    }

    private static void checkComposePorts(String name, Map<String, Object> service, List<String> violations) {
        Set<String> allowed = PUBLISHED_PORTS.getOrDefault(name, Set.of());
        for (Object port : list(service.get("ports"))) {
            String published = publishedPort(port);
            if (!allowed.contains(published)) {
                violations.add(name + ": publishes host port " + published + " (" + port + ")");
            }
        }
    }

    /** Host side of a compose port: {@code "HOST:CONTAINER"}, {@code "IP:HOST:CONTAINER"} or the long syntax. */
    private static String publishedPort(Object port) {
        if (port instanceof Map<?, ?>) {
            return String.valueOf(map(port).get("published"));
        }
        String[] parts = String.valueOf(port).split(":");
        return parts.length < 2 ? "random" : parts[parts.length - 2];
    }

    // --- Kubernetes ---------------------------------------------------------------------------------

    static List<String> checkKubernetes(List<Map<String, Object>> documents) {
        List<String> violations = new ArrayList<>();
        for (String app : APPS) {
            Optional<Map<String, Object>> deployment = find(documents, "Deployment", app);
            deployment.ifPresentOrElse(d -> checkDeployment(app, d, violations),
                    () -> violations.add(app + ": no Deployment"));
            checkService(app, deployment, documents, violations);
            checkAutoscaler(app, documents, violations);
        }
        for (Map<String, Object> document : documents) {
            checkSecretEnvironment(document, violations);
            checkLiteralSecret(document, violations);
        }
        return violations;
    }

    private static void checkDeployment(String app, Map<String, Object> deployment, List<String> violations) {
        Map<String, Object> pod = map(at(deployment, "spec", "template", "spec"));
        if (!Boolean.TRUE.equals(at(pod, "securityContext", "runAsNonRoot"))) {
            violations.add(app + ": Deployment does not set securityContext.runAsNonRoot");
        }
        List<Object> containers = list(pod.get("containers"));
        if (containers.isEmpty()) {
            violations.add(app + ": Deployment has no containers");
        }
        for (Object container : containers) {
            checkProbe(app, container, "readinessProbe", violations);
            checkProbe(app, container, "livenessProbe", violations);
            Map<String, Object> requests = map(at(container, "resources", "requests"));
            if (!requests.containsKey("cpu") || !requests.containsKey("memory")) {
                violations.add(app + ": container " + map(container).get("name") + " has no cpu and memory requests");
            }
        }
    }

    private static void checkProbe(String app, Object container, String probe, List<String> violations) {
        Object path = at(container, probe, "httpGet", "path");
        if (!(path instanceof String p) || !p.startsWith(HEALTH_PATH)) {
            violations.add(app + ": " + probe + " is not an HTTP probe on " + HEALTH_PATH + "/** (" + path + ")");
        }
    }

    private static void checkService(String app, Optional<Map<String, Object>> deployment,
                                     List<Map<String, Object>> documents, List<String> violations) {
        Optional<Map<String, Object>> service = find(documents, "Service", app);
        if (service.isEmpty()) {
            violations.add(app + ": no Service");
            return;
        }
        Map<String, Object> selector = map(at(service.get(), "spec", "selector"));
        Map<String, Object> podLabels = map(at(deployment.orElse(Map.of()), "spec", "template", "metadata", "labels"));
        if (selector.isEmpty() || !podLabels.entrySet().containsAll(selector.entrySet())) {
            violations.add(app + ": Service selector " + selector + " does not select the Deployment's pods");
        }
    }

    private static void checkAutoscaler(String app, List<Map<String, Object>> documents, List<String> violations) {
        boolean scaled = documents.stream()
                .filter(d -> "HorizontalPodAutoscaler".equals(d.get("kind")))
                .filter(d -> "autoscaling/v2".equals(d.get("apiVersion")))
                .map(d -> map(at(d, "spec", "scaleTargetRef")))
                .anyMatch(target -> "Deployment".equals(target.get("kind")) && app.equals(target.get("name")));
        if (!scaled) {
            violations.add(app + ": no autoscaling/v2 HorizontalPodAutoscaler for its Deployment");
        }
    }

    /** In any pod template: a variable named like a secret must come from a Secret. */
    private static void checkSecretEnvironment(Map<String, Object> document, List<String> violations) {
        Map<String, Object> pod = map(at(document, "spec", "template", "spec"));
        Stream.concat(list(pod.get("containers")).stream(), list(pod.get("initContainers")).stream())
                .flatMap(container -> list(map(container).get("env")).stream())
                .map(InfraManifests::map)
                .filter(variable -> isSecretName(String.valueOf(variable.get("name"))))
                .filter(variable -> at(variable, "valueFrom", "secretKeyRef") == null)
                .forEach(variable -> violations.add(name(document) + ": env " + variable.get("name")
                        + " is not taken from a Secret (valueFrom.secretKeyRef)"));
    }

    private static void checkLiteralSecret(Map<String, Object> document, List<String> violations) {
        if ("Secret".equals(document.get("kind"))
                && (!map(document.get("data")).isEmpty() || !map(document.get("stringData")).isEmpty())) {
            violations.add(name(document) + ": Secret with literal data or stringData in a committed manifest");
        }
        if ("ConfigMap".equals(document.get("kind"))) {
            map(document.get("data")).forEach((key, value) -> {
                if (isSecretName(key) || hasLiteralUrlPassword(String.valueOf(value))) {
                    violations.add(name(document) + ": ConfigMap holds a secret in " + key);
                }
            });
        }
    }

    /** Keys of every {@code secretKeyRef} in the documents: what secrets.env must provide. */
    static Set<String> secretKeyRefs(List<Map<String, Object>> documents) {
        Set<String> keys = new TreeSet<>();
        for (Map<String, Object> document : documents) {
            Map<String, Object> pod = map(at(document, "spec", "template", "spec"));
            list(pod.get("containers")).stream().flatMap(container -> list(map(container).get("env")).stream())
                    .map(variable -> at(variable, "valueFrom", "secretKeyRef", "key"))
                    .filter(Objects::nonNull).forEach(key -> keys.add(String.valueOf(key)));
        }
        return keys;
    }

    // --- kustomization and env templates --------------------------------------------------------------

    /**
     * The kustomization lists exactly the manifest files present (by name, relative to it) and generates
     * Secrets from files only, never from literals.
     */
    static List<String> checkKustomization(Map<String, Object> kustomization, Set<String> manifestFiles) {
        List<String> violations = new ArrayList<>();
        Set<String> resources = new TreeSet<>();
        list(kustomization.get("resources")).forEach(resource -> resources.add(String.valueOf(resource)));
        manifestFiles.stream().filter(file -> !resources.contains(file))
                .forEach(file -> violations.add(file + ": not listed in kustomization resources"));
        resources.stream().filter(resource -> !manifestFiles.contains(resource))
                .forEach(resource -> violations.add(resource + ": listed in kustomization resources but missing"));
        for (Object generator : list(kustomization.get("secretGenerator"))) {
            if (!list(map(generator).get("literals")).isEmpty()) {
                violations.add(map(generator).get("name") + ": secretGenerator with literal values");
            }
            if (list(map(generator).get("envs")).isEmpty() && list(map(generator).get("files")).isEmpty()) {
                violations.add(map(generator).get("name") + ": secretGenerator without a gitignored env file");
            }
        }
        if (list(kustomization.get("secretGenerator")).isEmpty()) {
            violations.add("kustomization: no secretGenerator for the Secret");
        }
        return violations;
    }

    /** Names of every {@code ${NAME...}} reference in a text (e.g. docker-compose.yml). */
    static Set<String> referencedVariables(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = ANY_REFERENCE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * An env template ({@code KEY=value} lines) documents every required name, and every secret-like value
     * (by name, or a password inside a URL) is a {@value #PLACEHOLDER} placeholder.
     */
    static List<String> checkEnvTemplate(String fileName, String content, Set<String> required) {
        List<String> violations = new ArrayList<>();
        Map<String, String> entries = new LinkedHashMap<>();
        content.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#") && line.contains("="))
                .map(line -> line.split("=", 2))
                .forEach(pair -> entries.put(pair[0], pair[1]));
        required.stream().filter(name -> !entries.containsKey(name))
                .forEach(name -> violations.add(fileName + ": does not document " + name));
        entries.forEach((name, value) -> {
            Matcher credentials = URL_CREDENTIALS.matcher(value);
            boolean literal = isSecretName(name) ? !value.contains(PLACEHOLDER)
                    : credentials.find() && !credentials.group(1).contains(PLACEHOLDER);
            if (literal) {
                violations.add(fileName + ": " + name + " has a real-looking secret; use " + PLACEHOLDER);
            }
        });
        return violations;
    }

    // --- small helpers ------------------------------------------------------------------------------

    static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name).find();
    }

    private static boolean hasLiteralUrlPassword(String value) {
        Matcher credentials = URL_CREDENTIALS.matcher(value == null ? "" : value);
        return credentials.find() && !credentials.group(1).startsWith("${");
    }

    private static Optional<Map<String, Object>> find(List<Map<String, Object>> documents, String kind, String name) {
        return documents.stream()
                .filter(d -> kind.equals(d.get("kind")) && name.equals(at(d, "metadata", "name")))
                .findFirst();
    }

    private static String name(Map<String, Object> document) {
        return document.get("kind") + "/" + at(document, "metadata", "name");
    }

    private static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            current = map(current).get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        return node instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
