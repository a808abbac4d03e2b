/** Comments: themes by editable keyword rules per language, comments beside their score, CSV export. */
package com.omnicanal.feedback.comment;
