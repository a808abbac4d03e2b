package com.omnicanal.support.client;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** Internal service-to-service calls with the service's own client-credentials token. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceClientProperties.class)
public class ServiceClientConfiguration {

    @Bean
    ServiceTokens serviceTokens(ServiceClientProperties properties) {
        return new ServiceTokens(RestClient.create(), properties);
    }

    @Bean
    ServiceClients serviceClients(ServiceTokens tokens, ServiceClientProperties properties) {
        return new ServiceClients(tokens, properties);
    }
}
