/** Events every service publishes about personal-data requests, each on its own exchange. */
package com.omnicanal.events.privacy;
