package com.omnicanal.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import java.util.List;

/**
 * Every request needs a valid Keycloak token (issuer, signature by cached JWKS, expiry, audience omni-api) except
 * provider webhooks, public survey pages, tracked links, health and API docs. The token is relayed unchanged.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    // web chat and in-app surveys are public: visitors carry a signed session, signed-in customers their token
    // (checked by the service)
    private static final String[] PUBLIC = {"/webhooks/**", "/api/channels/webchat/**", "/s/**", "/q/**", "/l/**",
            "/js/omni-survey.js", "/api/feedback/in-app/**", "/actuator/health/**",
            "/actuator/info", "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**", "/webjars/**"};

    /** No Spring Security observations (a wrapper per filter per request); requests keep their server span. */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ProblemResponses problems) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                // stateless: the default repository opened a web session per request, with two thread hops
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .cors(cors -> { })
                .authorizeExchange(auth -> auth
                        .pathMatchers(HttpMethod.OPTIONS).permitAll()
                        .pathMatchers(PUBLIC).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> { })
                        .authenticationEntryPoint((exchange, e) -> problems.write(exchange, HttpStatus.UNAUTHORIZED))
                        .accessDeniedHandler((exchange, e) -> problems.write(exchange, HttpStatus.FORBIDDEN)))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((exchange, ex) -> problems.write(exchange, HttpStatus.UNAUTHORIZED))
                        .accessDeniedHandler((exchange, ex) -> problems.write(exchange, HttpStatus.FORBIDDEN)))
                .build();
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.origins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Request-Id"));
        cors.setExposedHeaders(List.of("X-Request-Id", "Location"));
        cors.setAllowCredentials(true);
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
