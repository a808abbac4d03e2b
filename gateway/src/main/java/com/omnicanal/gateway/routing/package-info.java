/** Routes per blueprint §5, timeouts, circuit breakers and their 503 fallback. */
package com.omnicanal.gateway.routing;
