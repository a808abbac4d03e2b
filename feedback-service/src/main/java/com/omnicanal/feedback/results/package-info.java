/** Results: counters kept per survey, slice and day as invitations go and answers come; scores from them. */
package com.omnicanal.feedback.results;
