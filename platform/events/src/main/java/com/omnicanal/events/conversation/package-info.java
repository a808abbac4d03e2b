/** Events published by conversation-service on the omni.conversation exchange. */
package com.omnicanal.events.conversation;
