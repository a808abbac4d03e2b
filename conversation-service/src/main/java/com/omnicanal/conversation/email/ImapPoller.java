package com.omnicanal.conversation.email;

import com.omnicanal.conversation.inbox.Inbox;
import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls the IMAP mailbox for unseen mail; a mail is flagged seen only after it is in the inbox, so a crash means it
 * is read again (and recognised by its Message-ID), never lost. Delivery reports (bounces) go to {@link Bounces}.
 */
@Component
class ImapPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImapPoller.class);

    private final EmailProperties.Imap imap;
    private final Inbox inbox;
    private final Bounces bounces;
    private ScheduledExecutorService scheduler;

    ImapPoller(EmailProperties properties, Inbox inbox, Bounces bounces) {
        this.imap = properties.imap();
        this.inbox = inbox;
        this.bounces = bounces;
    }

    @Override
    public void start() {
        if (!imap.enabled()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("imap-poller").daemon().factory());
        long every = imap.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::pollQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (MessagingException | IOException | RuntimeException e) {
            log.warn("IMAP poll of {}@{} failed; retrying in {}", imap.username(), imap.host(), imap.pollInterval(), e);
        }
    }

    void poll() throws MessagingException, IOException {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "10000");
        try (Store store = Session.getInstance(props).getStore(imap.ssl() ? "imaps" : "imap")) {
            store.connect(imap.host(), imap.port(), imap.username(), imap.password());
            Folder folder = store.getFolder(imap.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message mail : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    receive((MimeMessage) mail);
                    mail.setFlag(Flags.Flag.SEEN, true);
                }
            } finally {
                folder.close(false);
            }
        }
    }

    private void receive(MimeMessage mail) throws MessagingException, IOException {
        InternetAddress from = mail.getFrom() == null ? null : (InternetAddress) mail.getFrom()[0];
        Instant at = Instant.now(); // when it reached us: the Date header is the sender's clock, to the second
        if (bounces.received(mail, from == null ? null : from.getAddress(), at) || from == null) {
            return; // a bounce is a delivery status, never a customer's message
        }
        inbox.receive(Mails.inbound(mail.getMessageID(), from.getAddress(), from.getPersonal(), mail.getSubject(),
                text(mail), mail.getHeader("In-Reply-To", " "), mail.getHeader("References", " "), at));
    }

    /** The plain-text body: the text/plain part of a multipart mail, else the text as it is. */
    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String text = text(body);
                if (text != null) {
                    return text;
                }
            }
        }
        if (part.isMimeType("text/html")) {
            return part.getContent().toString().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
        }
        return null;
    }
}
