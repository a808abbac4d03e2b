/** Surveys answered inside the conversation: each reply understood, the next question asked, the answer recorded. */
package com.omnicanal.feedback.conversational;
