/** Surveys on the company's own web and apps: a public JavaScript snippet and a REST API, anonymous or signed-in. */
package com.omnicanal.feedback.embed;
