/** Facebook Messenger and Instagram Direct: Meta's signed webhooks and the Send API. */
package com.omnicanal.conversation.meta;
