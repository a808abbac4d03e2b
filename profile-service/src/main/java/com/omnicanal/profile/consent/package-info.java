/** Consent per channel and purpose with history, contact preferences, and the reachability rule senders use. */
package com.omnicanal.profile.consent;
