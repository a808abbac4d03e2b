package com.omnicanal.gateway.routing;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.route.builder.UriSpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.URI;
import java.util.function.Function;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

/** Blueprint §5: which paths go to which service; each backend behind its own circuit breaker. */
@Configuration(proxyBeanMethods = false)
class Routes {

    @Bean
    RouteLocator omnicanalRoutes(RouteLocatorBuilder builder, BackendProperties backends) {
        return builder.routes()
                .route("profile-service", r -> r.path("/api/profiles/**", "/api/activities/**", "/api/activities",
                                "/api/segments/**", "/api/privacy/**", "/api/me/profile/**", "/api/me/profile",
                                "/api/me/consents/**", "/api/me/consents", "/api/me/preferences", "/api/me/privacy/**")
                        .filters(guarded("profile-service")).metadata(RESPONSE_TIMEOUT_ATTR, millis(backends))
                        .metadata(CONNECT_TIMEOUT_ATTR, connect(backends)).uri(backends.profileService()))
                .route("conversation-service", r -> r.path("/api/conversations/**", "/api/messages/**",
                                "/api/channels/**", "/api/templates/**", "/webhooks/**", "/api/me/conversations/**")
                        .filters(guarded("conversation-service")).metadata(RESPONSE_TIMEOUT_ATTR, millis(backends))
                        .metadata(CONNECT_TIMEOUT_ATTR, connect(backends)).uri(backends.conversationService()))
                .route("campaign-service", r -> r.path("/api/campaigns/**", "/api/journeys/**", "/l/**")
                        .filters(guarded("campaign-service")).metadata(RESPONSE_TIMEOUT_ATTR, millis(backends))
                        .metadata(CONNECT_TIMEOUT_ATTR, connect(backends)).uri(backends.campaignService()))
                .route("feedback-service", r -> r.path("/api/surveys/**", "/api/feedback/**", "/s/**", "/q/**",
                                "/api/me/surveys/**", "/js/omni-survey.js")
                        .filters(guarded("feedback-service")).metadata(RESPONSE_TIMEOUT_ATTR, millis(backends))
                        .metadata(CONNECT_TIMEOUT_ATTR, connect(backends)).uri(backends.feedbackService()))
                .route("api-docs-profile", r -> apiDocs(r.path("/v3/api-docs/profile"), backends.profileService()))
                .route("api-docs-conversation", r -> apiDocs(r.path("/v3/api-docs/conversation"), backends.conversationService()))
                .route("api-docs-campaign", r -> apiDocs(r.path("/v3/api-docs/campaign"), backends.campaignService()))
                .route("api-docs-feedback", r -> apiDocs(r.path("/v3/api-docs/feedback"), backends.feedbackService()))
                .build();
    }

    private static Function<org.springframework.cloud.gateway.route.builder.GatewayFilterSpec, UriSpec> guarded(
            String service) {
        return f -> f.circuitBreaker(c -> c.setName(service).setFallbackUri("forward:/fallback/" + service));
    }

    private static org.springframework.cloud.gateway.route.builder.Buildable<org.springframework.cloud.gateway.route.Route>
            apiDocs(org.springframework.cloud.gateway.route.builder.BooleanSpec path, URI backend) {
        return path.filters(f -> f.setPath("/v3/api-docs")).uri(backend);
    }

    private static long millis(BackendProperties backends) {
        return backends.responseTimeout().toMillis();
    }

    private static int connect(BackendProperties backends) {
        return (int) backends.connectTimeout().toMillis();
    }
}
