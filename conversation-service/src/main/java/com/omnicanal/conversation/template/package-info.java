/** Message templates and canned responses in several languages, rendered per channel with variables. */
package com.omnicanal.conversation.template;
