/** SMS through Twilio Messaging: signed inbound webhook (outbound goes through dispatch). */
package com.omnicanal.conversation.sms;
