/** Durable timers: one document per second of due time, claimed by one instance, fired once, surviving restarts. */
package com.omnicanal.support.timer;
