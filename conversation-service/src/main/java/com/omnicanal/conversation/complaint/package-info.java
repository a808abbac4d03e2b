/** Complaints: opened by agents, keyword rules or other services; promotions are held while one is open. */
package com.omnicanal.conversation.complaint;
