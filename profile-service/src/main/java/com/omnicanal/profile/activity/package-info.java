/** Activities (the post-sale triggers): validated, idempotent, published, and summarised on the profile. */
package com.omnicanal.profile.activity;
