package com.omnicanal.profile.identity;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Validates with the same normaliser identity resolution uses, so what passes here resolves there. */
class PhoneNumberValidator implements ConstraintValidator<PhoneNumber, String> {

    private final IdentifierNormalizer normalizer;

    PhoneNumberValidator(IdentifierNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null || value.isBlank()) {
            return true;
        }
        try {
            normalizer.normalize("phone", value, false);
            return true;
        } catch (IllegalArgumentException invalid) {
            return false;
        }
    }
}
