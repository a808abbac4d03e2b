/** The profile aggregate, its single writer, and how staff read it. */
package com.omnicanal.profile.customer;
