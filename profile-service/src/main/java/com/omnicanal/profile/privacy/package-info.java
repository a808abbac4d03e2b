/** Right of access (export) and right to erasure, confirmed by every service. */
package com.omnicanal.profile.privacy;
