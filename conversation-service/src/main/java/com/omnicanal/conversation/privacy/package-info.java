/** Privacy and identity changes: erasure of a person's messages, and re-linking when profiles merge. */
package com.omnicanal.conversation.privacy;
