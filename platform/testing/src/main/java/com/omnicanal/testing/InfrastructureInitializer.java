package com.omnicanal.testing;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.UUID;

/** Points a Spring Boot test at the shared test infrastructure, with a database of its own per context. */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = context.getEnvironment().getProperty("spring.application.name", "app");
        String database = name + "-test-" + UUID.randomUUID().toString().substring(0, 8);
        context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("omni-test-infrastructure", Infrastructure.get().springProperties(database)));
    }
}
