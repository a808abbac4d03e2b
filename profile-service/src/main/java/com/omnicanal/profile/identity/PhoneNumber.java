package com.omnicanal.profile.identity;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A phone number libphonenumber accepts as valid (international, or national in the default region). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PhoneNumberValidator.class)
@interface PhoneNumber {

    String message() default "must be a valid phone number such as +34600111222";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
