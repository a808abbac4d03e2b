/** Customer profiles: creation, reading, and the events that tell the other services. */
package com.omnicanal.profile.customer;
