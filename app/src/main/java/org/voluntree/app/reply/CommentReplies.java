package org.voluntree.app.reply;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.voluntree.app.facebook.GraphApi;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;
import org.voluntree.app.signup.SignupStore;
import org.voluntree.app.writer.WriterProperties;
import org.voluntree.contracts.event.EventKind;

/**
 * Answers a new comment by its intent: {@code volunteer} gets a public thank-you and the one
 * private reply Facebook allows, offering to sign up with Yes/No buttons; {@code how_to_signup}
 * the same private offer. A person is offered once per signup post's signup (per post, when the
 * post has none; claimed in {@link SignupOfferRecords}): while that offer is open or accepted, or
 * when they already hold a place in the signup, a further volunteer comment gets neither thank-you
 * nor offer, and after a No they are offered again only when {@link #REOFFER_AFTER_DECLINE} has
 * passed; {@code event_question}, {@code requirements_question} and
 * {@code donation} an answer from the signup's facts or the organisation's info, or a hand-off to
 * a human; {@code appreciation} a short thanks, unless its sentiment shows as negative. Comments scored offensive or hateful with at least
 * {@code voluntree.replies.offense-threshold} (the offense model, trained on tweets, is wary of
 * friendly text below that), people who opted out and intents
 * the organisation does not answer automatically are recorded as skipped, with the reason. A
 * {@code volunteer} or {@code how_to_signup} comment older than Facebook's 7 days for a private reply
 * (read late, e.g. by reconciliation after an outage) gets a public reply asking the person to write
 * to the page instead.
 */
@Component
@ConditionalOnRole(Role.WORKERS)
class CommentReplies implements MessageHandler {

    static final String VOLUNTEER = "volunteer";
    static final String HOW_TO_SIGNUP = "how_to_signup";
    static final String EVENT_QUESTION = "event_question";
    static final String REQUIREMENTS_QUESTION = "requirements_question";
    static final String DONATION = "donation";
    static final String APPRECIATION = "appreciation";
    private static final Duration PRIVATE_REPLY_WINDOW = Duration.ofDays(7);
    /** How long a No to the signup offer holds: a volunteer comment after it is a change of mind. */
    static final Duration REOFFER_AFTER_DECLINE = Duration.ofDays(7);

    private final ReplySender sender;
    private final ReplyRecords records;
    private final SignupOfferRecords offers;
    private final SignupStore signups;
    private final ReplySettingsStore settings;
    private final OptOuts optOuts;
    private final List<AnswerSource> answers;
    private final GraphApi graph;
    private final double volunteerThreshold;
    private final double offenseThreshold;
    private final Clock clock;

    CommentReplies(
            ReplySender sender,
            ReplyRecords records,
            SignupOfferRecords offers,
            SignupStore signups,
            ReplySettingsStore settings,
            OptOuts optOuts,
            List<AnswerSource> answers,
            GraphApi graph,
            WriterProperties writer,
            @Value("${voluntree.replies.offense-threshold:0.85}") double offenseThreshold) {
        this.sender = sender;
        this.records = records;
        this.offers = offers;
        this.signups = signups;
        this.settings = settings;
        this.optOuts = optOuts;
        this.answers = answers;
        this.graph = graph;
        this.volunteerThreshold = writer.volunteerThreshold();
        this.offenseThreshold = offenseThreshold;
        this.clock = Clock.systemUTC();
    }

    @Override
    public boolean accepts(MessageToAnswer message) {
        var event = message.event();
        return event.kind() == EventKind.COMMENT
                && "add".equals(event.verb())
                && !event.pageId().equals(event.authorId());
    }

    @Override
    public void handle(MessageToAnswer message) {
        String intent = message.label("intent");
        if (intent == null) {
            skip(message, null, "the message was not classified for intent");
            return;
        }
        MessageToAnswer.Verdict offense = message.classifications().get("offense");
        if (offense != null
                && ("offensive".equals(offense.label()) || "hate".equals(offense.label()))
                && offense.score() >= offenseThreshold) {
            skip(message, intent, "the comment is " + offense.label() + "; moderation decides");
            return;
        }
        ReplySettings org = settings.of(message.organisationId());
        if (!org.automatic().contains(intent)) {
            skip(
                    message,
                    intent,
                    intent.equals("other")
                            ? "no reply for this intent"
                            : "replies to " + intent + " are not automatic for this organisation");
            return;
        }
        if (optOuts.isOptedOut(message.organisationId(), message.event().authorId())) {
            skip(message, intent, "the person opted out");
            return;
        }
        String name = message.event().authorName();
        switch (intent) {
            case VOLUNTEER -> {
                if (message.classifications().get("intent").score() < volunteerThreshold) {
                    skip(message, intent, "volunteer score below " + volunteerThreshold);
                    return;
                }
                if (tooOldForPrivateReply(message)) {
                    answerTooOld(message, intent, ReplyTexts.thanksAndMessageUs(name));
                    return;
                }
                Optional<String> noOffer = claimOffer(message);
                if (noOffer.isPresent()) {
                    // the thank-you promises a private message: neither is repeated
                    skip(message, intent, noOffer.get());
                    skipOffer(message, intent, noOffer.get());
                    return;
                }
                replyPublicly(message, intent, ReplyTexts.thanksForOffering(name));
                offerSignup(message, intent, org);
            }
            case HOW_TO_SIGNUP -> {
                if (tooOldForPrivateReply(message)) {
                    answerTooOld(message, intent, ReplyTexts.howToSignUpByMessage(name));
                    return;
                }
                Optional<String> noOffer = claimOffer(message);
                if (noOffer.isPresent()) {
                    skipOffer(message, intent, noOffer.get());
                    return;
                }
                offerSignup(message, intent, org);
            }
            case EVENT_QUESTION, REQUIREMENTS_QUESTION, DONATION ->
                replyPublicly(
                        message,
                        intent,
                        answer(message, intent, org)
                                .map(info -> ReplyTexts.answer(name, info))
                                .orElseGet(() -> ReplyTexts.handOff(name, DONATION.equals(intent))));
            case APPRECIATION -> {
                if (message.readsNegative()) {
                    // "this organisation is a scam" can read like thanks to the intent model
                    skip(message, intent, "the comment reads as negative; a thank-you would not fit");
                    return;
                }
                replyPublicly(message, intent, ReplyTexts.thanksForKindWords(name));
            }
            default -> skip(message, intent, "no reply for this intent");
        }
    }

    private Optional<String> answer(MessageToAnswer message, String intent, ReplySettings org) {
        for (AnswerSource source : answers) {
            Optional<String> answer = source.answer(message, intent, org);
            if (answer.isPresent()) {
                return answer;
            }
        }
        return Optional.empty();
    }

    private void replyPublicly(MessageToAnswer message, String intent, String text) {
        sender.send(
                message,
                ReplySender.PUBLIC,
                intent,
                text,
                page -> graph.replyPublicly(page, message.event().externalId(), text));
    }

    private boolean tooOldForPrivateReply(MessageToAnswer message) {
        return message.event().createdAt().plus(PRIVATE_REPLY_WINDOW).isBefore(clock.instant());
    }

    /**
     * Past the private reply's window, the public reply is all there is: it asks the person to write to
     * the page (a message saying they want to help starts the signup dialog) instead of promising a
     * private message that Facebook would refuse.
     */
    private void answerTooOld(MessageToAnswer message, String intent, String publicReply) {
        Optional<String> signedUp = alreadySignedUp(message);
        if (signedUp.isPresent()) {
            skip(message, intent, signedUp.get());
        } else {
            replyPublicly(message, intent, publicReply);
        }
        skipOffer(message, intent, "the comment is older than the 7 days Facebook allows a private reply");
    }

    /** The signup a Yes to this comment's offer would lead to (Conversations), if the person holds a place in it. */
    private Optional<String> alreadySignedUp(MessageToAnswer message) {
        var event = message.event();
        Optional<Long> leadsTo = signupOfPost(event.postId()).or(() -> signups.latestActive(message.organisationId()));
        return leadsTo.filter(signup -> signups.hasConfirmed(message.organisationId(), event.authorId(), signup))
                .map(signup -> "the person is already signed up for this signup");
    }

    private Optional<Long> signupOfPost(String postId) {
        return postId == null ? Optional.empty() : signups.signupOfPost(postId);
    }

    /**
     * Claims the person's one offer for the signup the comment's post is for (in the database, so that
     * of two comments answered at once only one offers); empty when this comment may offer, else why not.
     */
    private Optional<String> claimOffer(MessageToAnswer message) {
        var event = message.event();
        long organisationId = message.organisationId();
        Optional<String> signedUp = alreadySignedUp(message);
        if (signedUp.isPresent()) {
            return signedUp;
        }
        Optional<Long> ofPost = signupOfPost(event.postId());
        String offeredFor = ofPost.map(id -> "signup:" + id).orElseGet(() -> "post:" + event.postId());
        return switch (offers.claim(
                organisationId, event.authorId(), offeredFor, event.externalId(), REOFFER_AFTER_DECLINE)) {
            case OFFER -> Optional.empty();
            case OPEN ->
                Optional.of("the person was already offered this signup; one offer per person while it is open");
            case DECLINED ->
                Optional.of("the person declined this signup's offer less than " + REOFFER_AFTER_DECLINE.toDays()
                        + " days ago");
        };
    }

    private void offerSignup(MessageToAnswer message, String intent, ReplySettings org) {
        var offer = ReplyTexts.signupOffer(
                message.event().authorName(),
                org.organisationName(),
                message.event().postId(),
                message.event().externalId());
        sender.send(
                message,
                ReplySender.PRIVATE,
                intent,
                offer.text(),
                page -> graph.replyPrivately(page, message.event().externalId(), offer));
    }

    private void skipOffer(MessageToAnswer message, String intent, String reason) {
        skip(message, ReplySender.PRIVATE, intent, reason);
    }

    private void skip(MessageToAnswer message, String intent, String reason) {
        skip(message, ReplySender.PUBLIC, intent, reason);
    }

    private void skip(MessageToAnswer message, String kind, String intent, String reason) {
        records.recordSkipped(
                message.organisationId(), message.messageId(), message.event().externalId(), kind, intent, reason);
    }
}
