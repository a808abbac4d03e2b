package com.omnicanal.campaign.journey;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Map;

/** The demo journeys, saved and published at start when missing ({@code omni.journeys.load-examples}, on in ./omni up). */
@Component
@ConditionalOnProperty(name = "omni.journeys.load-examples", havingValue = "true")
class ExampleJourneys implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ExampleJourneys.class);
    private static final Map<String, String> EXAMPLES = Map.of("post-purchase-store", "journeys/post-purchase-store.json",
            "abandoned-cart", "journeys/abandoned-cart.json");

    private final Journeys journeys;
    private final JourneyValidator validator;
    private final JsonMapper json;

    ExampleJourneys(Journeys journeys, JourneyValidator validator, JsonMapper json) {
        this.journeys = journeys;
        this.validator = validator;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        for (Map.Entry<String, String> example : EXAMPLES.entrySet()) {
            if (journeys.find(example.getKey()).isEmpty()) {
                var definition = validator.validate(json.readTree(new ClassPathResource(example.getValue()).getInputStream()));
                journeys.save(example.getKey(), definition, "system:examples");
                journeys.publish(example.getKey(), "system:examples");
                log.info("example journey {} loaded and published", example.getKey());
            }
        }
    }
}
