/** Business calendars: opening hours, holidays and SLA deadlines counted in business time. */
package com.omnicanal.conversation.sla;
