/** Surveys: NPS, CSAT, CES and custom ones with several questions and skip logic, per language, versioned. */
package com.omnicanal.feedback.survey;
