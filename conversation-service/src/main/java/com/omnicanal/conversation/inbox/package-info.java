/** The inbox: every channel's messages in the customer's one conversation, with statuses and delivery receipts. */
package com.omnicanal.conversation.inbox;
