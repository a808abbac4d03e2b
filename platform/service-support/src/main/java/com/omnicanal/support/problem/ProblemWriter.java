package com.omnicanal.support.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;

/** Writes RFC 9457 problem details from places that run before Spring MVC (filters, security handlers). */
public class ProblemWriter {

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    /**
     * The path for most problems; for 401/403 only an opaque id of this request (echoing the path would confirm
     * what the caller guessed), which support can find in the logs.
     */
    public static URI instance(HttpServletRequest request, int status) {
        if (status == 401 || status == 403) {
            String id = request.getHeader("X-Request-Id");
            boolean sane = id != null && id.matches("[A-Za-z0-9_-]{1,64}");
            return URI.create("urn:omnicanal:request:" + (sane ? id : java.util.UUID.randomUUID()));
        }
        return URI.create(request.getRequestURI());
    }

    public static URI type(String slug) {
        return URI.create("urn:omnicanal:problem:" + slug);
    }

    public static ProblemDetail problem(HttpStatus status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        return problem;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        problem.setInstance(instance(request, problem.getStatus()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
