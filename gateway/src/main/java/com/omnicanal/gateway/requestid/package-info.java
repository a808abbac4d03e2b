/** Request ids on every request and response. */
package com.omnicanal.gateway.requestid;
