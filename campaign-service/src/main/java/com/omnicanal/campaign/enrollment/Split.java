package com.omnicanal.campaign.enrollment;

import com.omnicanal.campaign.journey.JourneyDefinition.Variant;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/** A/B splits: the variant follows from the enrolment and step ids, so a retried step picks the same one. */
final class Split {

    private Split() {
    }

    static Variant pick(String seed, List<Variant> variants) {
        CRC32 crc = new CRC32();
        crc.update(seed.getBytes(StandardCharsets.UTF_8));
        int total = variants.stream().mapToInt(Variant::weight).sum();
        long point = crc.getValue() % total;
        for (Variant v : variants) {
            point -= v.weight();
            if (point < 0) {
                return v;
            }
        }
        return variants.getLast();
    }
}
