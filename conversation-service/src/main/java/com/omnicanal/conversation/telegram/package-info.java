/** Telegram Bot API connector: secret-token webhook, inbound messages. */
package com.omnicanal.conversation.telegram;
