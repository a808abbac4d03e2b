package com.omnicanal.gateway.security;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;

/** 401 and 403 as problem+json that say nothing about what exists; the instance is only the request id. */
@Component
class ProblemResponses {

    Mono<Void> write(ServerWebExchange exchange, HttpStatus status) {
        String requestId = exchange.getRequest().getHeaders().getFirst("X-Request-Id");
        String detail = status == HttpStatus.UNAUTHORIZED ? "A valid access token is required." : "You may not do this.";
        String slug = status == HttpStatus.UNAUTHORIZED ? "unauthorized" : "forbidden";
        String body = """
                {"type":"urn:omnicanal:problem:%s","title":"%s","status":%d,"detail":"%s","instance":"urn:omnicanal:request:%s"}"""
                .formatted(slug, status.getReasonPhrase(), status.value(), detail, requestId == null ? "unknown" : requestId);
        exchange.getResponse().setStatusCode(status);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        DataBuffer buffer = exchange.getResponse().bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return exchange.getResponse().writeWith(Mono.just(buffer));
    }
}
