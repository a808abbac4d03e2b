package com.omnicanal.support.problem;

import java.util.List;

/** Thrown by feature code for input that passes bean validation but breaks a domain rule; answered 400. */
public class InvalidRequestException extends RuntimeException {

    private final List<ProblemHandling.InvalidField> fields;

    public InvalidRequestException(String field, String message) {
        this(List.of(new ProblemHandling.InvalidField(field, message)));
    }

    public InvalidRequestException(List<ProblemHandling.InvalidField> fields) {
        super(fields.toString());
        this.fields = List.copyOf(fields);
    }

    public List<ProblemHandling.InvalidField> fields() {
        return fields;
    }
}
