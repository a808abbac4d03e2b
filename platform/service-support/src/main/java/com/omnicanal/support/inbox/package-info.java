/** Idempotent, type-dispatched consumption of integration events. */
package com.omnicanal.support.inbox;
