/** Token validation, CORS and problem+json refusals at the edge. */
package com.omnicanal.gateway.security;
