package com.omnicanal.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The CloudEvents type of an event record: {@code omni.<context>.<event>.v<N>}; a breaking change is a new version. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface EventType {

    String value();
}
