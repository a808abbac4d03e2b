/** Erasure that reaches every service: participants erase, the service confirms once per request. */
package com.omnicanal.support.privacy;
