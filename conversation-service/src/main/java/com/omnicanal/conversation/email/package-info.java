/** E-mail: outbound over SMTP, inbound from an IMAP mailbox or a signed inbound-parse webhook, threaded by Message-ID. */
package com.omnicanal.conversation.email;
