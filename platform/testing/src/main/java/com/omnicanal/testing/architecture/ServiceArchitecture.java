package com.omnicanal.testing.architecture;

import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The rules every service keeps (blueprint §8), applied by each service's one architecture test. */
public final class ServiceArchitecture {

    private static final List<String> SERVICES = List.of("profile", "conversation", "campaign", "feedback", "gateway");

    private ServiceArchitecture() {
    }

    /** All rules for the service whose root package is {@code com.omnicanal.<service>}. */
    public static List<ArchRule> rules(String service) {
        String root = "com.omnicanal." + service;
        return List.of(featuresFreeOfCycles(root), packagedByFeature(root), independentOf(service),
                controllersPackagePrivate(root));
    }

    static ArchRule featuresFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true)
                .because("features talk through small public entry points, never in circles");
    }

    static ArchRule packagedByFeature(String root) {
        return noClasses().should().resideInAnyPackage(root + ".controller..", root + ".service..",
                        root + ".repository..", root + ".model..")
                .because("we package by feature, not by layer");
    }

    static ArchRule independentOf(String service) {
        String[] others = SERVICES.stream().filter(s -> !s.equals(service))
                .map(s -> "com.omnicanal." + s + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage("com.omnicanal." + service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services share only platform libraries and events, never each other's code");
    }

    static ArchRule controllersPackagePrivate(String root) {
        return classes().that().resideInAPackage(root + "..")
                .and().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should().notBePublic().allowEmptyShould(true)
                .because("package-private by default: adapters are not an API");
    }
}
