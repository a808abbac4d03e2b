/** Work for people: teams, agents with skills, capacity and presence, a priority queue and least-loaded assignment. */
package com.omnicanal.conversation.routing;
