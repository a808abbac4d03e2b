/** Outbound dispatch: the one place that sends to customers, enforcing reachability and the WhatsApp window. */
package com.omnicanal.conversation.dispatch;
