package com.omnicanal.gateway;

import com.omnicanal.testing.architecture.ServiceArchitecture;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsThePlatformRules() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.omnicanal.gateway");
        ServiceArchitecture.rules("gateway").forEach(rule -> rule.check(classes));
    }
}
