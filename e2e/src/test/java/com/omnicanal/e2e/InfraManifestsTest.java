package com.omnicanal.e2e;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment manifests stay complete and free of secrets: every service is in docker-compose and in the
 * Kubernetes base with health probes, resources, a Service and an autoscaler, and every secret is a reference.
 * The second half feeds bad documents to the same checks, so each one is shown to fail when it should.
 */
class InfraManifestsTest {

    private static final Path ROOT = InfraManifests.repositoryRoot();
    private static final Path COMPOSE = ROOT.resolve("infra/docker-compose.yml");
    private static final Path K8S = ROOT.resolve("infra/k8s");

    // --- the committed manifests ----------------------------------------------------------------------

    @Test
    void composeRunsEveryServiceHealthyAndWithoutLiteralSecrets() {
        assertThat(InfraManifests.checkCompose(compose())).isEmpty();
    }

    @Test
    void kubernetesBaseDeploysEveryServiceWithProbesResourcesServiceAndAutoscaler() {
        assertThat(InfraManifests.checkKubernetes(kubernetesDocuments())).isEmpty();
    }

    @Test
    void kustomizationListsEveryManifestAndGeneratesTheSecretFromAGitignoredFile() {
        Set<String> manifests = new TreeSet<>();
        InfraManifests.yamlFiles(K8S).stream().map(file -> K8S.relativize(file).toString())
                .filter(file -> !file.equals("kustomization.yaml")).forEach(manifests::add);
        Map<String, Object> kustomization =
                InfraManifests.parse(InfraManifests.read(K8S.resolve("kustomization.yaml"))).getFirst();

        assertThat(InfraManifests.checkKustomization(kustomization, manifests)).isEmpty();
        assertThat(InfraManifests.read(ROOT.resolve(".gitignore")).lines().map(String::strip))
                .contains("infra/k8s/secrets.env", "infra/.env");
    }

    @Test
    void envTemplatesDocumentEveryVariableWithPlaceholdersOnly() {
        Set<String> composeVariables = InfraManifests.referencedVariables(InfraManifests.read(COMPOSE));
        Set<String> secretKeys = InfraManifests.secretKeyRefs(kubernetesDocuments());

        assertThat(composeVariables).isNotEmpty();
        assertThat(secretKeys).isNotEmpty();
        assertThat(InfraManifests.checkEnvTemplate(".env.example",
                InfraManifests.read(ROOT.resolve("infra/.env.example")), composeVariables)).isEmpty();
        assertThat(InfraManifests.checkEnvTemplate("secrets.env.example",
                InfraManifests.read(K8S.resolve("secrets.env.example")), secretKeys)).isEmpty();
    }

    // --- each check reports what it should ------------------------------------------------------------

    @Test
    void composeCheckReportsMissingServicesAndHealthchecks() {
        List<String> violations = InfraManifests.checkCompose(document("""
                services:
                  mongo:
                    image: mongo:7
                  gateway:
                    image: omnicanal/gateway
                    healthcheck:
                      disable: true
                      test: ["CMD", "true"]
                """));

        assertThat(violations).contains("profile-service: missing from docker-compose.yml",
                "keycloak: missing from docker-compose.yml", "mongo: no healthcheck", "gateway: no healthcheck");
    }

    @Test
    void composeCheckReportsDependenciesThatDoNotWaitForHealth() {
        List<String> violations = InfraManifests.checkCompose(document("""
                services:
                  profile-service:
                    depends_on: [mongo, rabbitmq]
                  campaign-service:
                    depends_on:
                      mongo: {condition: service_healthy}
                      rabbitmq: {condition: service_started}
                      keycloak: {condition: service_healthy}
                  gateway:
                    depends_on:
                      keycloak: {condition: service_healthy}
                """));

        assertThat(violations).contains("profile-service: depends on mongo without condition service_healthy",
                "profile-service: does not depend on keycloak",
                "campaign-service: depends on rabbitmq without condition service_healthy",
                "gateway: does not depend on feedback-service");
        assertThat(violations).noneMatch(v -> v.startsWith("campaign-service: does not depend"));
    }

    @Test
    void composeCheckReportsLiteralSecretsAndUnexpectedPublishedPorts() {
        List<String> violations = InfraManifests.checkCompose(document("""
                services:
                  rabbitmq:
                    environment:
                      RABBITMQ_DEFAULT_PASS: guest
                      RABBITMQ_DEFAULT_USER: ${RABBITMQ_USERNAME:-omni}
                    ports: ["15672:15672", "5672:5672"]
                  keycloak:
                    environment:
                      - KC_BOOTSTRAP_ADMIN_PASSWORD=${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}
                      - OMNI_SERVICES_CLIENT_SECRET=${OMNI_SERVICES_CLIENT_SECRET:?set it}
                  profile-service:
                    environment:
                      MONGODB_URI: mongodb://omni:hunter2@mongo:27017
                    ports: ["8081"]
                """));

        assertThat(violations).contains(
                "rabbitmq: RABBITMQ_DEFAULT_PASS must be a ${...} reference without a default, not a literal",
                "keycloak: KC_BOOTSTRAP_ADMIN_PASSWORD must be a ${...} reference without a default, not a literal",
                "profile-service: MONGODB_URI has a literal password in a URL",
                "rabbitmq: publishes host port 5672 (5672:5672)",
                "profile-service: publishes host port random (8081)");
        assertThat(violations).noneMatch(v -> v.contains("RABBITMQ_DEFAULT_USER")
                || v.contains("OMNI_SERVICES_CLIENT_SECRET") || v.contains("15672"));
    }

    @Test
    void kubernetesCheckReportsMissingObjectsProbesResourcesAndRoot() {
        List<String> violations = InfraManifests.checkKubernetes(documents("""
                kind: Deployment
                metadata: {name: gateway}
                spec:
                  template:
                    metadata: {labels: {app: gateway}}
                    spec:
                      containers:
                        - name: gateway
                          readinessProbe: {tcpSocket: {port: 8080}}
                          livenessProbe: {httpGet: {path: /healthz, port: 8080}}
                          resources: {limits: {cpu: "1"}}
                ---
                kind: Service
                metadata: {name: gateway}
                spec: {selector: {app: gatewey}}
                ---
                apiVersion: autoscaling/v1
                kind: HorizontalPodAutoscaler
                spec: {scaleTargetRef: {kind: Deployment, name: gateway}}
                """));

        assertThat(violations).contains("profile-service: no Deployment", "profile-service: no Service",
                "gateway: Deployment does not set securityContext.runAsNonRoot",
                "gateway: readinessProbe is not an HTTP probe on /actuator/health/** (null)",
                "gateway: livenessProbe is not an HTTP probe on /actuator/health/** (/healthz)",
                "gateway: container gateway has no cpu and memory requests",
                "gateway: Service selector {app=gatewey} does not select the Deployment's pods",
                "gateway: no autoscaling/v2 HorizontalPodAutoscaler for its Deployment");
    }

    @Test
    void kubernetesCheckReportsLiteralSecrets() {
        List<String> violations = InfraManifests.checkKubernetes(documents("""
                kind: Deployment
                metadata: {name: profile-service}
                spec:
                  template:
                    spec:
                      containers:
                        - name: profile-service
                          env:
                            - {name: RABBITMQ_PASSWORD, value: guest}
                            - {name: OMNI_SERVICES_CLIENT_SECRET, valueFrom: {secretKeyRef: {name: s, key: k}}}
                ---
                kind: Secret
                metadata: {name: omnicanal-secrets}
                stringData: {RABBITMQ_PASSWORD: guest}
                ---
                kind: Secret
                metadata: {name: other}
                data: {token: Z3Vlc3Q=}
                ---
                kind: ConfigMap
                metadata: {name: omnicanal-config}
                data:
                  KEYCLOAK_CLIENT_SECRET: abc
                  MONGODB_URI: mongodb://omni:hunter2@mongo:27017
                  RABBITMQ_HOST: rabbitmq
                """));

        assertThat(violations).contains(
                "Deployment/profile-service: env RABBITMQ_PASSWORD is not taken from a Secret (valueFrom.secretKeyRef)",
                "Secret/omnicanal-secrets: Secret with literal data or stringData in a committed manifest",
                "Secret/other: Secret with literal data or stringData in a committed manifest",
                "ConfigMap/omnicanal-config: ConfigMap holds a secret in KEYCLOAK_CLIENT_SECRET",
                "ConfigMap/omnicanal-config: ConfigMap holds a secret in MONGODB_URI");
        assertThat(violations).noneMatch(v -> v.contains("OMNI_SERVICES_CLIENT_SECRET") || v.contains("RABBITMQ_HOST"));
    }

    @Test
    void kustomizationCheckReportsUnlistedFilesAndLiteralSecrets() {
        List<String> violations = InfraManifests.checkKustomization(document("""
                resources: [gateway.yaml, gone.yaml]
                secretGenerator:
                  - name: omnicanal-secrets
                    literals: [RABBITMQ_PASSWORD=guest]
                """), Set.of("gateway.yaml", "profile-service.yaml"));

        assertThat(violations).containsExactlyInAnyOrder("profile-service.yaml: not listed in kustomization resources",
                "gone.yaml: listed in kustomization resources but missing",
                "omnicanal-secrets: secretGenerator with literal values",
                "omnicanal-secrets: secretGenerator without a gitignored env file");
        assertThat(InfraManifests.checkKustomization(document("resources: []"), Set.of()))
                .containsExactly("kustomization: no secretGenerator for the Secret");
    }

    @Test
    void envTemplateCheckReportsUndocumentedVariablesAndRealLookingSecrets() {
        List<String> violations = InfraManifests.checkEnvTemplate("secrets.env.example", """
                # comment with RABBITMQ_PASSWORD=ignored
                RABBITMQ_PASSWORD=s3cr3t-Value
                OMNI_SERVICES_CLIENT_SECRET=change-me
                MONGODB_URI=mongodb://omni:hunter2@mongo:27017/?replicaSet=rs0
                RABBITMQ_USERNAME=omni
                """, Set.of("RABBITMQ_PASSWORD", "PARTNER_DEMO_CLIENT_SECRET"));

        assertThat(violations).containsExactlyInAnyOrder(
                "secrets.env.example: does not document PARTNER_DEMO_CLIENT_SECRET",
                "secrets.env.example: RABBITMQ_PASSWORD has a real-looking secret; use change-me",
                "secrets.env.example: MONGODB_URI has a real-looking secret; use change-me");
    }

    // --- loading --------------------------------------------------------------------------------------

    private static Map<String, Object> compose() {
        return InfraManifests.parse(InfraManifests.read(COMPOSE)).getFirst();
    }

    private static List<Map<String, Object>> kubernetesDocuments() {
        return InfraManifests.yamlFiles(K8S).stream()
                .flatMap(file -> InfraManifests.parse(InfraManifests.read(file)).stream())
                .toList();
    }

    private static Map<String, Object> document(String yaml) {
        return documents(yaml).getFirst();
    }

    private static List<Map<String, Object>> documents(String yaml) {
        return InfraManifests.parse(yaml);
    }
}
