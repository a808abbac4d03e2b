/** Enrolments and the engine that walks each customer through their journey version, step by step, explainably. */
package com.omnicanal.campaign.enrollment;
