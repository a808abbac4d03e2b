/** The agents' console API: read a conversation, reply on any allowed channel, notes, tags, status and assignment. */
package com.omnicanal.conversation.console;
