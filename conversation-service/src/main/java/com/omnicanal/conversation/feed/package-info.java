/** The agents' live feed over SSE: new messages, assignments and SLA warnings for the conversations they may see. */
package com.omnicanal.conversation.feed;
