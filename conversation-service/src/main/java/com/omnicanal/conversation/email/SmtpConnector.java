package com.omnicanal.conversation.email;

import com.omnicanal.conversation.channel.ChannelConnector;
import com.omnicanal.conversation.channel.ChannelException;
import com.omnicanal.conversation.channel.OutboundMessage;
import com.omnicanal.conversation.channel.ProviderReceipt;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.io.UnsupportedEncodingException;
import java.util.Map;

/** Live e-mail over SMTP: our Message-ID and the threading headers, so the customer's answer finds its conversation. */
@Component
class SmtpConnector implements ChannelConnector {

    private final ObjectProvider<JavaMailSender> mail;
    private final EmailProperties properties;

    SmtpConnector(ObjectProvider<JavaMailSender> mail, EmailProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    @Override
    public String channel() {
        return "email";
    }

    @Override
    public ProviderReceipt send(OutboundMessage message) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new ChannelException("e-mail is live but no SMTP server is configured (spring.mail.host)");
        }
        try {
            MimeMessage mime = new ThreadedMimeMessage(sender.createMimeMessage(), message.headers().get("Message-ID"));
            mime.setFrom(new InternetAddress(properties.from(), properties.fromName(), "UTF-8"));
            mime.setRecipients(jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(message.address()));
            mime.setSubject(message.subject() == null ? properties.fromName() : message.subject(), "UTF-8");
            mime.setText(message.text(), "UTF-8");
            for (Map.Entry<String, String> header : message.headers().entrySet()) {
                if (!header.getKey().equals("Message-ID")) {
                    mime.setHeader(header.getKey(), header.getValue());
                }
            }
            sender.send(mime);
            return new ProviderReceipt(message.headers().get("Message-ID"));
        } catch (MessagingException | UnsupportedEncodingException | MailException refused) {
            throw new ChannelException("SMTP refused: " + refused.getMessage(), refused);
        }
    }

    /** Jakarta Mail replaces Message-ID on save; this keeps ours, which the thread is keyed by. */
    private static final class ThreadedMimeMessage extends MimeMessage {

        private final String messageId;

        ThreadedMimeMessage(MimeMessage template, String messageId) throws MessagingException {
            super(template.getSession());
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
