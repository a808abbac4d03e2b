/** Dead-letter queues made visible: a gauge per queue and an admin endpoint to list and replay. */
package com.omnicanal.support.deadletter;
