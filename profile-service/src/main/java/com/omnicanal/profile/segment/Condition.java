package com.omnicanal.profile.segment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** One test on a profile: a field, an operator and a value (see {@link SegmentRules} for what exists). */
record Condition(@NotBlank String field, @NotBlank String op, @NotNull Object value) {
}
