/** What happens after a customer writes: complaint keyword rules, the FAQ bot, routing to an agent, SLA clocks. */
package com.omnicanal.conversation.flow;
