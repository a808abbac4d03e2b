package com.omnicanal.conversation.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * E-mail: the sender address, the inbound-parse webhook's signing key (Mailgun's scheme), and the IMAP mailbox to
 * poll (off while {@code imap.host} is empty). SMTP itself is Spring Boot's {@code spring.mail.*}.
 */
@ConfigurationProperties("omni.channels.email")
record EmailProperties(@DefaultValue("atencion@omnicanal.local") String from, @DefaultValue("Omnicanal") String fromName,
                       String webhookSigningKey, @DefaultValue Imap imap) {

    record Imap(String host, @DefaultValue("993") int port, String username, String password,
                @DefaultValue("INBOX") String folder, @DefaultValue("true") boolean ssl,
                @DefaultValue("30s") Duration pollInterval) {

        boolean enabled() {
            return host != null && !host.isBlank();
        }
    }
}
