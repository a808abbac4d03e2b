/** Single-document writes of requests running at once, written together in one bulk per collection. */
package com.omnicanal.conversation.writes;
