/** Invitations: who is asked, when, on which channel, and why someone was not (cooldown, sampling, the budget). */
package com.omnicanal.feedback.invitation;
