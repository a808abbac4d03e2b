/** The answering bot: matches customer messages against FAQ entries and spots requests for a human. */
package com.omnicanal.conversation.bot;
