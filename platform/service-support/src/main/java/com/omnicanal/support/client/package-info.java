/** Calls to another service's internal API with this service's own token. */
package com.omnicanal.support.client;
