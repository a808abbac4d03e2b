package com.omnicanal.conversation.whatsapp;

import com.omnicanal.support.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /webhooks/whatsapp}, the hottest inbound path, served here instead of by Spring Security and MVC: the
 * path is public (its signature is its authentication) and that machinery was most of each call's CPU (profiled).
 * It runs after the body-size limit and inside the HTTP observation, so calls stay bounded, timed and traced.
 */
final class WhatsAppInboundFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppInboundFilter.class);
    private static final byte[] RECEIVED = "{\"status\":\"received\"}".getBytes(StandardCharsets.UTF_8);

    private final WhatsAppWebhook webhook;
    private final ProblemWriter problems;

    WhatsAppInboundFilter(WhatsAppWebhook webhook, ProblemWriter problems) {
        this.webhook = webhook;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()); // Meta's GET handshake goes through MVC as before
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            webhook.receive(request.getInputStream().readAllBytes(), request.getHeader("X-Hub-Signature-256"));
        } catch (ResponseStatusException refused) { // the signature check's refusal: nothing else throws one here
            problems.write(request, response, ProblemWriter.problem(HttpStatus.UNAUTHORIZED, "invalid-signature",
                    "X-Hub-Signature-256 does not match the body."));
            return;
        } catch (JacksonException malformed) {
            problems.write(request, response, ProblemWriter.problem(HttpStatus.BAD_REQUEST, "malformed-body",
                    "The request body is not valid JSON of the expected shape."));
            return;
        } catch (RuntimeException failed) { // ours, not the caller's: Meta delivers the payload again on a 5xx
            log.error("a signed WhatsApp payload could not be received", failed);
            problems.write(request, response, ProblemWriter.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                    "The payload could not be received now; deliver it again."));
            return;
        }
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(RECEIVED.length);
        response.getOutputStream().write(RECEIVED);
    }
}
