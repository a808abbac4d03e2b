package com.omnicanal.feedback;

import com.omnicanal.testing.architecture.ServiceArchitecture;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsThePlatformRules() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.omnicanal.feedback");
        ServiceArchitecture.rules("feedback").forEach(rule -> rule.check(classes));
    }
}
