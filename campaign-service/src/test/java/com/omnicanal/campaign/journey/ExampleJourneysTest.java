package com.omnicanal.campaign.journey;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo journeys ./omni up loads pass the same validation as any saved journey. */
class ExampleJourneysTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final JourneyValidator validator = new JourneyValidator(json);

    @Test
    void theDemoJourneysAreValid() throws IOException {
        for (String file : new String[]{"journeys/post-purchase-store.json", "journeys/abandoned-cart.json"}) {
            JourneyDefinition d = validator.validate(json.readTree(new ClassPathResource(file).getInputStream()));
            assertThat(d.phases()).as(file).isNotEmpty();
        }
    }
}
