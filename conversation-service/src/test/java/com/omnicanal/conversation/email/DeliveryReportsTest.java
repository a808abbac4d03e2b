package com.omnicanal.conversation.email;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryReportsTest {

    private static MimeMessage report(String action, String original) throws Exception {
        String raw = ("""
                From: MAILER-DAEMON@mx.example.com
                Content-Type: multipart/report; report-type=delivery-status; boundary="B"

                --B
                Content-Type: text/plain

                Delivery to <nadie@example.com> did not go well.

                --B
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.com

                Final-Recipient: rfc822; nadie@example.com
                Action: %s
                Status: 4.4.7
                Diagnostic-Code: smtp; 451 4.4.7 Try again later

                --B
                %s
                --B--
                """).formatted(action, original).replace("\n", "\r\n");
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFailedReportNamesTheReturnedMessageFromItsEmbeddedCopyWithStatusAndDiagnostic() throws Exception {
        DeliveryReports.Report read = DeliveryReports.read(report("failed", """
                Content-Type: message/rfc822

                Message-ID: <ours-1@omnicanal.local>
                Subject: Tu pedido

                Tu pedido sale hoy
                """));
        assertThat(read.messageIds()).contains("<ours-1@omnicanal.local>");
        assertThat(read.deliveryStatus()).isEqualTo("failed");
        assertThat(read.reason()).isEqualTo("bounced: 4.4.7 (smtp; 451 4.4.7 Try again later)");
    }

    @Test
    void aDelayedReportDecidesNothingAndADeliveredOneIsDelivered() throws Exception {
        String headers = "Content-Type: text/rfc822-headers\n\nMessage-ID: <ours-2@omnicanal.local>\n";
        assertThat(DeliveryReports.read(report("delayed", headers)).deliveryStatus()).isNull();
        assertThat(DeliveryReports.read(report("relayed", headers)).deliveryStatus()).isEqualTo("delivered");
        assertThat(DeliveryReports.read(report("delayed", headers)).messageIds()).contains("<ours-2@omnicanal.local>");
    }

    @Test
    void aReportIsKnownByItsTypeOrByAMailServersSender() {
        assertThat(DeliveryReports.isReport("multipart/report; report-type=delivery-status; boundary=x", null)).isTrue();
        assertThat(DeliveryReports.isReport("multipart/report; report-type=disposition-notification", "ana@example.com"))
                .as("a read receipt is not a bounce").isFalse();
        assertThat(DeliveryReports.isReport("text/plain", "MAILER-DAEMON@mx.example.com")).isTrue();
        assertThat(DeliveryReports.isReport("text/plain", "cliente@example.com")).isFalse();
        assertThat(DeliveryReports.isReport(null, null)).isFalse();
    }
}
