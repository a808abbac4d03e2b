/** Dynamic segments: conditions on profiles, membership kept current, counts kept, members streamed. */
package com.omnicanal.profile.segment;
