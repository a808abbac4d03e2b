package com.omnicanal.conversation.whatsapp;

import com.omnicanal.support.problem.ProblemWriter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Serves signed WhatsApp webhooks from {@link WhatsAppInboundFilter}, between the size limit and security. */
@Configuration(proxyBeanMethods = false)
class WhatsAppInboundPath {

    /** Right after service-support's body-size limit (HIGHEST_PRECEDENCE + 10); security's chain comes at -100. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 11;

    @Bean
    FilterRegistrationBean<WhatsAppInboundFilter> whatsAppInbound(WhatsAppWebhook webhook, ProblemWriter problems) {
        FilterRegistrationBean<WhatsAppInboundFilter> registration =
                new FilterRegistrationBean<>(new WhatsAppInboundFilter(webhook, problems));
        registration.addUrlPatterns("/webhooks/whatsapp");
        registration.setOrder(ORDER);
        return registration;
    }
}
