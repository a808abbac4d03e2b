/** Responses: public survey pages, answers kept once, pre-aggregated results, and the closed loop for detractors. */
package com.omnicanal.feedback.response;
