package com.omnicanal.campaign.measurement;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AbTestTest {

    @Test
    void twoProportionsAreComparedWithAZTestAgainstTheControl() {
        Document variants = new Document("b", new Document("enrolled", 100).append("converted", 20))
                .append("a", new Document("enrolled", 100).append("converted", 10));
        List<AbTest.Result> results = AbTest.compare(variants, "converted");
        assertThat(results.get(0).variant()).as("the first variant by id is the control").isEqualTo("a");
        assertThat(results.get(1).z()).isCloseTo(1.980, within(0.001));
        assertThat(results.get(1).pValue()).isCloseTo(0.0477, within(0.0005));
        assertThat(results.get(1).significant()).isTrue();
        assertThat(AbTest.phi(0)).isCloseTo(0.5, within(1e-7));
        assertThat(AbTest.z(0, 0, 1, 10)).as("no customers on one side: no figure").isNull();
    }
}
