/** The sandbox API: play the customer on any channel with the provider's own signed webhooks; list what we "sent". */
package com.omnicanal.conversation.sandbox;
