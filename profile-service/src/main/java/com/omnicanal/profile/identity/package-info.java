/** Identity resolution: identifiers, guardrails, and reversible, journaled merges. */
package com.omnicanal.profile.identity;
