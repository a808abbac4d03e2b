package com.omnicanal.support.client;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * RestClients for another service's internal API, each request carrying this service's own token (blueprint §2:
 * a documented internal API with its own service-account token). Callers handle failures: the other side may be down.
 */
public class ServiceClients {

    private final ServiceTokens tokens;
    private final ServiceClientProperties properties;

    ServiceClients(ServiceTokens tokens, ServiceClientProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
    }

    public RestClient to(String baseUrl) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(properties.connectTimeout());
        factory.setReadTimeout(properties.readTimeout());
        return RestClient.builder().baseUrl(baseUrl).requestFactory(factory)
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().set(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token());
                    return execution.execute(request, body);
                }).build();
    }
}
