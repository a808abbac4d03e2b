package com.omnicanal.events;

import com.omnicanal.events.campaign.Enrolled;
import com.omnicanal.events.campaign.Exited;
import com.omnicanal.events.campaign.GoalReached;
import com.omnicanal.events.campaign.LinkClicked;
import com.omnicanal.events.campaign.StepExecuted;
import com.omnicanal.events.conversation.ComplaintOpened;
import com.omnicanal.events.feedback.DetractorDetected;
import com.omnicanal.events.feedback.InvitationSent;
import com.omnicanal.events.feedback.ResponseSubmitted;
import com.omnicanal.events.conversation.ComplaintResolved;
import com.omnicanal.events.conversation.ConversationAssigned;
import com.omnicanal.events.conversation.ConversationOpened;
import com.omnicanal.events.conversation.ConversationResolved;
import com.omnicanal.events.conversation.DispatchRefused;
import com.omnicanal.events.conversation.MessageReceived;
import com.omnicanal.events.conversation.MessageSent;
import com.omnicanal.events.conversation.MessageStatusChanged;
import com.omnicanal.events.conversation.SlaBreached;
import com.omnicanal.events.privacy.ErasureConfirmed;
import com.omnicanal.events.profile.ActivityRecorded;
import com.omnicanal.events.profile.ConsentChanged;
import com.omnicanal.events.profile.ProfileCreated;
import com.omnicanal.events.profile.ProfileErased;
import com.omnicanal.events.profile.ProfileMerged;
import com.omnicanal.events.profile.ProfileUnmerged;
import com.omnicanal.events.profile.ProfileUpdated;
import com.omnicanal.events.profile.SegmentMembershipChanged;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry of every integration event the platform knows, by type string. */
public final class EventTypes {

    private static final List<Class<? extends IntegrationEvent>> ALL = List.of(
            ProfileCreated.class, ProfileUpdated.class, ProfileMerged.class, ProfileUnmerged.class,
            ConsentChanged.class, ActivityRecorded.class, ProfileErased.class, SegmentMembershipChanged.class,
            ErasureConfirmed.class, MessageReceived.class, MessageSent.class, MessageStatusChanged.class,
            DispatchRefused.class, ConversationOpened.class, ConversationAssigned.class, ConversationResolved.class,
            ComplaintOpened.class, ComplaintResolved.class, SlaBreached.class, Enrolled.class, StepExecuted.class,
            GoalReached.class, Exited.class, LinkClicked.class, InvitationSent.class, ResponseSubmitted.class, DetractorDetected.class);

    private static final Map<String, Class<? extends IntegrationEvent>> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventTypes::typeOf, Function.identity()));

    private EventTypes() {
    }

    /** The type string of an event class; fails fast on a class without {@link EventType}. */
    public static String typeOf(Class<?> eventClass) {
        EventType type = eventClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " has no @EventType");
        }
        return type.value();
    }

    /** The concrete type a service publishes: a {@code *} context (events every service emits) becomes its own. */
    public static String concrete(Class<?> eventClass, String context) {
        return typeOf(eventClass).replace("*", context);
    }

    /** The registered form of a concrete type: itself, or with the context replaced by {@code *}. */
    public static String registered(String type) {
        if (BY_TYPE.containsKey(type)) {
            return type;
        }
        String[] parts = type.split("\\.");
        return parts.length == 4 ? parts[0] + ".*." + parts[2] + "." + parts[3] : type;
    }

    /** The exchange an event type is published to: {@code omni.<context>}. */
    public static String exchangeOf(String type) {
        String[] parts = type.split("\\.");
        if (parts.length != 4 || !parts[0].equals("omni") || !parts[3].matches("v\\d+")) {
            throw new IllegalArgumentException("not an omni.<context>.<event>.v<N> type: " + type);
        }
        return parts[0] + "." + parts[1];
    }

    public static Optional<Class<? extends IntegrationEvent>> classOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(registered(type)));
    }

    public static List<Class<? extends IntegrationEvent>> all() {
        return ALL;
    }
}
