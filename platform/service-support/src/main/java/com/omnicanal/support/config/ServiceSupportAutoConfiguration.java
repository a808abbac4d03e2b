package com.omnicanal.support.config;

import com.omnicanal.support.client.ServiceClientConfiguration;
import com.omnicanal.support.contacts.ContactsConfiguration;
import com.omnicanal.support.deadletter.DeadLetterConfiguration;
import com.omnicanal.support.inbox.InboxConfiguration;
import com.omnicanal.support.outbox.OutboxConfiguration;
import com.omnicanal.support.privacy.PrivacyConfiguration;
import com.omnicanal.support.problem.ProblemHandling;
import com.omnicanal.support.problem.ProblemWriter;
import com.omnicanal.support.problem.RequestSizeLimitFilter;
import com.omnicanal.support.security.SecurityConfiguration;
import com.omnicanal.support.timer.TimerConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** What every Omnicanal service gets by depending on service-support. */
@AutoConfiguration
@Import({ServiceClientConfiguration.class, SecurityConfiguration.class, OutboxConfiguration.class, InboxConfiguration.class,
        DeadLetterConfiguration.class, ContactsConfiguration.class, PrivacyConfiguration.class,
        TimerConfiguration.class})
public class ServiceSupportAutoConfiguration {

    @Bean
    ProblemWriter problemWriter(JsonMapper json) {
        return new ProblemWriter(json);
    }

    @Bean
    ProblemHandling problemHandling() {
        return new ProblemHandling();
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimit(ProblemWriter problems,
            @Value("${omni.http.max-body-size:1MB}") DataSize limit) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(limit, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10); // before security: no work for oversized bodies
        return registration;
    }
}
