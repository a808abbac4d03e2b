package com.omnicanal.conversation.channel;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import java.time.Duration;
import java.util.function.Supplier;

/** HTTP to providers: short timeouts (a slow provider must not hold a dispatch) and refusals as ChannelException. */
public final class ProviderCalls {

    private ProviderCalls() {
    }

    public static RestClient client(String baseUrl) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(Duration.ofSeconds(3));
        factory.setReadTimeout(Duration.ofSeconds(10));
        return RestClient.builder().baseUrl(baseUrl).requestFactory(factory).build();
    }

    public static <T> T call(String provider, Supplier<T> call) {
        try {
            return call.get();
        } catch (RestClientResponseException refused) {
            throw new ChannelException(provider + " answered " + refused.getStatusCode().value() + ": "
                    + abbreviate(refused.getResponseBodyAsString()), refused);
        } catch (RestClientException unreachable) {
            throw new ChannelException(provider + " unreachable: " + unreachable.getMessage(), unreachable);
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
