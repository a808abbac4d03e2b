/** The inbox: inbound messages from every channel joined into the customer's one conversation. */
package com.omnicanal.conversation.inbox;
