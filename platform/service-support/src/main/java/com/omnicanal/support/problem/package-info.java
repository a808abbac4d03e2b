/** RFC 9457 problem details for every error a service answers. */
package com.omnicanal.support.problem;
