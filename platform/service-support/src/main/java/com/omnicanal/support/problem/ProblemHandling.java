package com.omnicanal.support.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;

/** Every error a service answers is a problem+json: precise for bad input, silent about internals. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    /** One invalid field of a request body or parameter. */
    public record InvalidField(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> fields = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new InvalidField(e.getField(), e.getDefaultMessage())).toList();
        return invalid(fields, ex.getBindingResult().getGlobalErrors().stream()
                .map(e -> new InvalidField(e.getObjectName(), e.getDefaultMessage())).toList());
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> fields = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(e -> new InvalidField(
                        e instanceof FieldError f ? f.getField() : r.getMethodParameter().getParameterName(),
                        e.getDefaultMessage())))
                .toList();
        return invalid(fields, List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(ProblemWriter.problem(HttpStatus.BAD_REQUEST, "malformed-body",
                "The request body is not valid JSON of the expected shape."));
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException ex) {
        return invalid(ex.fields(), List.of());
    }

    @ExceptionHandler({DuplicateKeyException.class, OptimisticLockingFailureException.class})
    ResponseEntity<Object> conflict(RuntimeException ex) {
        return problem(ProblemWriter.problem(HttpStatus.CONFLICT, "conflict",
                "The resource changed or already exists; reload it and try again."));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> forbidden(AccessDeniedException ex, jakarta.servlet.http.HttpServletRequest request) {
        ProblemDetail problem = ProblemWriter.problem(HttpStatus.FORBIDDEN, "forbidden", "You may not do this.");
        problem.setInstance(ProblemWriter.instance(request, 403));
        return problem(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        log.error("unexpected error", ex);
        return problem(ProblemWriter.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "Something went wrong on our side; it has been logged."));
    }

    private ResponseEntity<Object> invalid(List<InvalidField> fields, List<InvalidField> global) {
        List<InvalidField> all = java.util.stream.Stream.concat(fields.stream(), global.stream()).toList();
        ProblemDetail problem = ProblemWriter.problem(HttpStatus.BAD_REQUEST, "validation",
                all.size() + " invalid field(s): " + String.join(", ", all.stream().map(InvalidField::field).toList()));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", all);
        return problem(problem);
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
