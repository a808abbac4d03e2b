package com.omnicanal.campaign.suppression;

import com.omnicanal.events.conversation.ComplaintOpened;
import com.omnicanal.events.conversation.ComplaintResolved;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Consumer;

/** conversation-service's complaint events feed the read model. */
@Configuration(proxyBeanMethods = false)
class ComplaintEvents {

    @Bean
    Consumer<ComplaintOpened> complaintOpened(OpenComplaints complaints) {
        return complaints::opened;
    }

    @Bean
    Consumer<ComplaintResolved> complaintResolved(OpenComplaints complaints) {
        return complaints::resolved;
    }
}
