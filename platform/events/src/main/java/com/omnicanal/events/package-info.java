/** Integration events: records named as past-tense facts, one sub-package per publishing context. */
package com.omnicanal.events;
