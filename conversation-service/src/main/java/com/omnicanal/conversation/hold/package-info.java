/** Survey holds: while a customer answers a survey inside the conversation, their replies go to it, not to agents. */
package com.omnicanal.conversation.hold;
