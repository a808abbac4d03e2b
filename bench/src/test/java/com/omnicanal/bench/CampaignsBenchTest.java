package com.omnicanal.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CampaignsBenchTest {

    @Test
    void theSecondHalfsRateIsWhileItRanNotItsEnd() {
        List<CampaignsApi.Seen> seen = List.of(new CampaignsApi.Seen(10, 20_000, true),
                new CampaignsApi.Seen(20, 50_000, true), new CampaignsApi.Seen(30, 80_000, true),
                new CampaignsApi.Seen(36, 100_000, false)); // the last chunks' sends: once per broadcast

        assertThat(CampaignsBench.secondHalfRate(seen)).isCloseTo(3_000, within(0.1));
    }

    @Test
    void aRunTooShortToHaveASecondHalfIsTakenWhole() {
        assertThat(CampaignsBench.secondHalfRate(List.of(new CampaignsApi.Seen(4, 10_000, false))))
                .isCloseTo(2_500, within(0.1));
    }
}
