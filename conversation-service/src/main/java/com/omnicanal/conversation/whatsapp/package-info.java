/** WhatsApp Cloud API connector: webhook handshake, signature check, inbound messages. */
package com.omnicanal.conversation.whatsapp;
