/** Web chat, our own channel for the company's web and mobile apps: signed-in or anonymous, live over SSE. */
package com.omnicanal.conversation.webchat;
