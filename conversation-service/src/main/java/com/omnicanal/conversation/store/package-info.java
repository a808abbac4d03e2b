/** In store: staff record visits and conversations; a QR code per store opens web chat tied to that store. */
package com.omnicanal.conversation.store;
