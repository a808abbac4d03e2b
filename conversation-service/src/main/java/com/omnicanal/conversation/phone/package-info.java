/** Phone: call records pushed by a contact-centre system through the partner API, in the customer's conversation. */
package com.omnicanal.conversation.phone;
