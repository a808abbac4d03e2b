/** What every channel connector offers the rest of the service: outbound sending, sandbox mode, simulated customers. */
package com.omnicanal.conversation.channel;
