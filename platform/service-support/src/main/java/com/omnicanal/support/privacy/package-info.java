/** Erasure and export that reach every service: participants erase (the service confirms once per request) and show what they hold. */
package com.omnicanal.support.privacy;
