package org.voluntree.app.conversation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.voluntree.app.facebook.GraphApi;
import org.voluntree.app.facebook.OutgoingMessage;
import org.voluntree.app.mail.EmailJob;
import org.voluntree.app.mail.EmailQueue;
import org.voluntree.app.mail.MailableAddress;
import org.voluntree.app.reply.MessageHandler;
import org.voluntree.app.reply.MessageToAnswer;
import org.voluntree.app.reply.OptOuts;
import org.voluntree.app.reply.ReplyRecords;
import org.voluntree.app.reply.ReplySender;
import org.voluntree.app.reply.ReplySettings;
import org.voluntree.app.reply.ReplySettingsStore;
import org.voluntree.app.reply.SignupOffer;
import org.voluntree.app.reply.SignupOfferRecords;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;
import org.voluntree.app.signup.SignupEvents;
import org.voluntree.app.signup.SignupStore;
import org.voluntree.app.signup.Slot;
import org.voluntree.contracts.event.EventKind;
import org.voluntree.contracts.event.InboundEvent;

/**
 * The signup dialog in Messenger. A postback "Yes" to the signup offer starts it; if the
 * organisation verifies volunteers, the person types an email, gets a 6-digit PIN by email and
 * types it (at most three wrong tries; a PIN e-mail the mail worker gives up on, refused for good by
 * the server or its retries spent, comes back as a notice: the person is told the code could not be
 * delivered to that address and asked for another, unless they have moved on since); then they pick
 * slots of the signup, named by its title, from the ones with places left (those they hold already are
 * marked, not offered again; one whose times overlap a place they hold, in any of the organisation's
 * signups, is refused naming that place) and get a confirmation of the dates. The signup is the one
 * the offer's post was made for; a message read as {@code volunteer} or {@code how_to_signup}, or an
 * offer under a post made for no signup, asks which event when several take volunteers (active, with
 * dates to come; a button or the number typed), else takes the organisation's current one. A "Yes"
 * under the post of a disabled signup is told that event no longer takes signups and offered the other
 * events with places left instead (one with a Yes and a No, several as the "which event?" menu, none and
 * that is all), and so is an answer in a dialog whose signup was disabled meanwhile. A Yes when no slot can be picked
 * (all full, none to come) is told so at once, before any e-mail is asked for. The slot menu shows a page of slots at a
 * time ("More dates"), always within Messenger's limits, and the dialog remembers what it numbered, so
 * a number typed means the slot the person read. A request to cancel ("cancel", "I can't make it anymore":
 * {@link CancelRequest}) lists the person's places to come and gives up the one they pick (or keeps them).
 * A question about their places ("what did I sign up for?", "when is my shift?": {@link PlacesRequest}) is
 * answered with them, whatever dialog is in progress. A request to stop ("stop", "please stop messaging
 * me": {@link OptOutRequest}) opts out. Each answer is sent once per incoming message (recorded in
 * {@code replies}), only inside the 24-hour window. When an admin writes to the person by hand (an echo
 * the bot did not send), the bot stays quiet for a while. When an admin moves or removes a slot someone
 * holds a place in, or gives their place up, they are told ({@link PlaceNotices}), and they are reminded
 * of their places the day before ({@link PlaceReminders}); what an admin writes to everyone with a place to
 * come in a signup reaches them the same way ({@link AnnouncementController}). The messages it takes as answers (e-mail, PIN,
 * slot, done) are marked as such and announced live ({@link DialogAnswers}).
 */
@Component
@ConditionalOnRole(Role.WORKERS)
class Conversations implements MessageHandler {

    private static final Logger log = LoggerFactory.getLogger(Conversations.class);
    /** A message meant as an address: whether it can be mailed is {@link MailableAddress}'s to say. */
    private static final Pattern EMAIL = Pattern.compile("\\S+@\\S+");
    /** The notice ({@link MessageToAnswer#notice}) the PIN e-mail's job carries, queued if it is given up on. */
    static final String PIN_UNDELIVERED = "pin_undelivered";
    /** Facebook's message tag for "reminders or updates for an event they have registered for". */
    static final String CONFIRMED_EVENT_UPDATE = "CONFIRMED_EVENT_UPDATE";

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern MORE =
            Pattern.compile("(?i)\\s*(?:show\\s+)?(?:more|next)(?:\\s+(?:dates|slots|please))*\\W*");

    private final DialogStore dialogs;
    private final SignupStore signups;
    private final ReplySender sender;
    private final ReplyRecords records;
    private final SignupOfferRecords offers;
    private final ReplySettingsStore settings;
    private final OptOuts optOuts;
    private final EmailQueue emails;
    private final GraphApi graph;
    private final ConversationProperties properties;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    private final SignupEvents signupEvents;
    private final DialogAnswers answers;
    private final Announcements announcements;
    private final PinCodes pinCodes;

    Conversations(
            DialogStore dialogs,
            SignupStore signups,
            ReplySender sender,
            ReplyRecords records,
            SignupOfferRecords offers,
            ReplySettingsStore settings,
            OptOuts optOuts,
            EmailQueue emails,
            GraphApi graph,
            ConversationProperties properties,
            SignupEvents signupEvents,
            DialogAnswers answers,
            Announcements announcements,
            PinCodes pinCodes) {
        this.dialogs = dialogs;
        this.pinCodes = pinCodes;
        this.announcements = announcements;
        this.answers = answers;
        this.signupEvents = signupEvents;
        this.signups = signups;
        this.sender = sender;
        this.records = records;
        this.offers = offers;
        this.settings = settings;
        this.optOuts = optOuts;
        this.emails = emails;
        this.graph = graph;
        this.properties = properties;
    }

    @Override
    public boolean accepts(MessageToAnswer message) {
        EventKind kind = message.event().kind();
        return kind == EventKind.MESSAGE || kind == EventKind.POSTBACK;
    }

    @Override
    public void handle(MessageToAnswer message) {
        InboundEvent event = message.event();
        if (event.isEcho()) {
            noticeEcho(event);
            return;
        }
        if (message.notice() != null) {
            // not something the person wrote: a notice about their message, queued later
            tell(message);
            return;
        }
        answers.announceIfTaken(message);
        String pageId = event.pageId();
        String psid = event.authorId();
        dialogs.openWindow(pageId, psid);
        if (optOuts.isOptedOut(message.organisationId(), psid)) {
            skip(message, "the person opted out");
            return;
        }
        if (OptOutRequest.matches(event.text())) {
            optOuts.optOut(message.organisationId(), psid);
            dialogs.end(pageId, psid);
            log.info("A person opted out of messages from page {}", pageId);
            reply(message, "opt_out", ConversationTexts.optedOut());
            return;
        }
        if (dialogs.paused(pageId, psid)) {
            skip(message, "an admin is answering this conversation");
            return;
        }
        Optional<String> givenUp = records.pendingText(message.replyTarget(), ReplySender.PRIVATE, "cancel_done");
        if (givenUp.isPresent()) {
            // a retry of a message whose first attempt gave a place up (a button, or the answer typed in the cancel
            // step, which it ended) and whose answer is not known sent: the place is gone, and that answer stands
            reply(message, "cancel_done", OutgoingMessage.text(givenUp.get()));
            return;
        }
        String payload = event.payload();
        if (payload != null
                && (payload.startsWith(ConversationTexts.CANCEL_PREFIX) || payload.equals(ConversationTexts.KEEP))) {
            // a button of the cancel question, whenever it was sent: the place it names is theirs or not
            receiveCancelButton(message, payload);
            return;
        }
        if (payload == null && CancelRequest.matches(event.text())) {
            // whatever dialog was in progress: they asked to give a place up
            askWhichToCancel(message, null);
            return;
        }
        if (payload == null && PlacesRequest.matches(event.text())) {
            // answered whatever dialog is in progress, which stays where it is
            listPlaces(message);
            return;
        }
        if (payload != null && payload.startsWith(SignupOffer.YES)) {
            consent(message, SignupOffer.postIdOf(payload), SignupOffer.commentIdOf(payload));
        } else if (payload != null && payload.startsWith(SignupOffer.NO)) {
            String commentId = SignupOffer.commentIdOf(payload);
            if (commentId != null) {
                // offers made before signup_offers existed carry no comment id and have no row to mark
                offers.declined(message.organisationId(), commentId);
            }
            dialogs.end(pageId, psid);
            reply(message, "declined", ConversationTexts.declined());
        } else {
            Optional<Dialog> dialog = dialogs.find(pageId, psid);
            if (dialog.isPresent()) {
                continueDialog(message, dialog.get());
            } else if ("volunteer".equals(message.label("intent")) || "how_to_signup".equals(message.label("intent"))) {
                consent(message, null, null);
            } else {
                skip(message, "no dialog in progress; the inbox shows it to the admins");
            }
        }
    }

    private void consent(MessageToAnswer message, String postId, String commentId) {
        InboundEvent event = message.event();
        Optional<Long> ofPost = postId == null ? Optional.empty() : signups.signupMadeFor(postId);
        if (ofPost.isPresent() && !signups.isActive(ofPost.get())) {
            offerInstead(message, ofPost.get(), commentId);
            return;
        }
        // an offer under a post made for no signup, or none at all: the organisation's events to come
        List<SignupStore.OpenSignup> open =
                ofPost.isPresent() ? List.of() : signups.openSignups(message.organisationId(), clock.instant(), 10);
        Optional<Long> signup = ofPost.or(() -> signups.latestActive(message.organisationId()));
        if (signup.isEmpty()) {
            reply(message, "no_signup", ConversationTexts.noSignupOpen());
            return;
        }
        signups.volunteer(message.organisationId(), event.authorId(), event.authorName());
        if (commentId != null) {
            // only the comment's author received the offer: whoever accepts it is that person
            signups.sameAsCommenter(message.organisationId(), event.authorId(), commentId);
        }
        if (open.size() > 1) {
            // nothing says which event they mean: the newest one is a guess, so they choose
            showSignups(message, Dialog.choosingSignup(), "Great!", open);
            return;
        }
        join(message, signup.get(), "Great!");
    }

    /**
     * A "Yes" under the post of a signup an admin disabled: that event is named as closed and the other
     * events with places left on dates to come are offered in its place, one with the Yes and No of the
     * signup offer, several as the "which event?" menu; none, and nothing else is said. They said yes to
     * that event, so another one is offered, never entered without their choice.
     */
    private void offerInstead(MessageToAnswer message, long closedSignup, String commentId) {
        InboundEvent event = message.event();
        String closed = signups.title(closedSignup);
        List<SignupStore.OpenSignup> others =
                signups.openSignupsWithPlaces(message.organisationId(), clock.instant(), 10);
        if (others.isEmpty()) {
            // a dialog left open would take their next number as a choice of something never named
            dialogs.end(event.pageId(), event.authorId());
            reply(message, "signup_closed", ConversationTexts.signupClosed(closed));
            return;
        }
        signups.volunteer(message.organisationId(), event.authorId(), event.authorName());
        if (commentId != null) {
            // only the comment's author received the offer: whoever accepts it is that person
            signups.sameAsCommenter(message.organisationId(), event.authorId(), commentId);
        }
        if (others.size() > 1) {
            showSignups(message, Dialog.choosingSignup(), ConversationTexts.closedIntro(closed), others);
            return;
        }
        // the one event offered is the menu: its Yes names it (SIGNUP|<id>), "1" typed does too
        SignupStore.OpenSignup other = others.get(0);
        dialogs.save(event.pageId(), event.authorId(), Dialog.choosingSignup().showing(List.of(other.id()), 1));
        reply(message, "offer_other_signup", ConversationTexts.offerInstead(closed, other, properties.zone()));
    }

    /**
     * Starts the dialog of a signup: the email check when the organisation verifies volunteers, else its
     * slots; when none can be picked (none to come, all full), says so at once and starts nothing.
     */
    private void join(MessageToAnswer message, long signupId, String intro) {
        InboundEvent event = message.event();
        // after a merge with the commenter: the volunteer the slots they already hold belong to
        long volunteer = signups.volunteer(message.organisationId(), event.authorId(), event.authorName());
        SlotChoices choices = choices(volunteer, signupId);
        if (!ConversationTexts.anyToPick(choices.slots(), choices.held(), choices.clashing())) {
            // an e-mail and a PIN only to hear that everything is full would waste their time
            dialogs.end(event.pageId(), event.authorId());
            reply(
                    message,
                    "nothing_to_pick",
                    ConversationTexts.nothingToPick(
                            signups.title(signupId), choices.slots(), choices.held(), choices.clashing()));
            return;
        }
        if (settings.of(message.organisationId()).verificationRequired()) {
            dialogs.save(event.pageId(), event.authorId(), Dialog.start(Dialog.Step.AWAIT_EMAIL, signupId));
            reply(message, "ask_email", ConversationTexts.askEmail(signups.title(signupId)));
        } else {
            showSlots(message, Dialog.start(Dialog.Step.CHOOSE_SLOTS, signupId), intro, choices, 0, "choose_slots");
        }
    }

    /** Sends the events to choose from and remembers what it numbered, so a number typed means what was read. */
    private void showSignups(MessageToAnswer message, Dialog dialog, String intro, List<SignupStore.OpenSignup> open) {
        InboundEvent event = message.event();
        dialogs.save(
                event.pageId(),
                event.authorId(),
                dialog.showing(open.stream().map(SignupStore.OpenSignup::id).toList(), 1));
        reply(message, "choose_signup", ConversationTexts.chooseSignup(intro, open, properties.zone()));
    }

    /** The answer to "which event?": a button, or the number the event had in the menu sent. */
    private void receiveSignupChoice(MessageToAnswer message, Dialog dialog) {
        InboundEvent event = message.event();
        List<SignupStore.OpenSignup> open = signups.openSignups(message.organisationId(), clock.instant(), 10);
        if (open.isEmpty()) {
            dialogs.end(event.pageId(), event.authorId());
            reply(message, "no_signup", ConversationTexts.noSignupOpen());
            return;
        }
        Optional<Long> chosen = signupNamed(event.payload(), event.text(), dialog);
        if (chosen.isEmpty() && event.payload() == null && TypedYesNo.no(event.text())) {
            // "no thanks" typed instead of tapped: as the No button
            answers.mark(message);
            dialogs.end(event.pageId(), event.authorId());
            reply(message, "declined", ConversationTexts.declined());
            return;
        }
        Optional<Long> named =
                chosen.isEmpty() && event.payload() == null && dialog.menu().size() == 1 && TypedYesNo.yes(event.text())
                        // one event was offered (with a Yes and a No): "yes" typed names it as the button does
                        ? Optional.of(dialog.menu().get(0))
                        : chosen;
        if (named.isEmpty()) {
            showSignups(message, dialog, "Sorry, I didn't get that.", open);
            return;
        }
        if (open.stream().noneMatch(s -> s.id() == named.get())) {
            // disabled, or its last dates passed, since the menu was sent
            showSignups(message, dialog, "Sorry, that event no longer takes volunteers.", open);
            return;
        }
        answers.mark(message);
        join(message, named.get(), "Great!");
    }

    /** The event a button names, or the one that had the number typed in the menu sent; empty when neither. */
    private static Optional<Long> signupNamed(String payload, String text, Dialog dialog) {
        if (payload != null && payload.startsWith(ConversationTexts.SIGNUP_PREFIX)) {
            try {
                return Optional.of(Long.parseLong(payload.substring(ConversationTexts.SIGNUP_PREFIX.length())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        List<Integer> typed = numbersIn(text);
        return typed.size() == 1 ? dialog.numbered(typed.get(0)) : Optional.empty();
    }

    private void continueDialog(MessageToAnswer message, Dialog dialog) {
        if (dialog.step() == Dialog.Step.CHOOSE_SIGNUP) {
            receiveSignupChoice(message, dialog);
            return;
        }
        if (dialog.step() == Dialog.Step.CHOOSE_CANCEL) {
            receiveCancelChoice(message, dialog);
            return;
        }
        if (!isDone(message.event()) && !signups.isActive(dialog.signupId())) {
            // disabled while the person was in the dialog: no place is given in it any more, the other events
            // with places are offered as to a Yes under its post
            offerInstead(message, dialog.signupId(), null);
            return;
        }
        switch (dialog.step()) {
            case AWAIT_EMAIL -> receiveEmail(message, dialog);
            case AWAIT_PIN -> receivePin(message, dialog);
            case CHOOSE_SLOTS -> receiveSlot(message, dialog);
            default -> skip(message, "unknown dialog step");
        }
    }

    private void receiveEmail(MessageToAnswer message, Dialog dialog) {
        InboundEvent event = message.event();
        String text = event.text() == null ? "" : event.text().strip();
        if (!MailableAddress.isMailable(text)) {
            // queued, it would fail in the mail worker where nobody tells the person
            reply(message, "ask_email", ConversationTexts.notAnEmail());
            return;
        }
        answers.mark(message);
        String mail = pinMail(event);
        // counted, and its code drawn, under the request: handled again, it is counted once and mails the same code
        Optional<Duration> capped = dialogs.countPinEmail(
                event.pageId(),
                event.authorId(),
                properties.maxPinEmails(),
                properties.pinEmailWindow(),
                clock.instant(),
                mail);
        if (capped.isPresent()) {
            // every code comes with its tries: the cap on codes is what bounds the guesses, so the dialog
            // keeps the code sent last and the tries left on it
            reply(message, "pin_capped", ConversationTexts.tooManyPinEmails(codeInForce(dialog), capped.get()));
            return;
        }
        String email = text.toLowerCase(Locale.ROOT);
        String pin = pinCodes.codeFor(mail);
        byte[] saltBytes = new byte[8];
        random.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        dialogs.save(
                event.pageId(),
                event.authorId(),
                dialog.awaitingPin(email, hash(salt, pin), salt, clock.instant().plus(properties.pinTtl()), mail));
        // said before the mail is queued: a notice that it could not be delivered, which the mail worker may
        // queue within milliseconds, then always comes after it
        reply(message, "pin_sent", ConversationTexts.pinSent(email));
        ReplySettings org = settings.of(message.organisationId());
        emails.enqueue(new EmailJob(
                mail,
                message.organisationId(),
                email,
                "Your code for " + org.organisationName(),
                "Your confirmation code is " + pin + ".\n\nType it in your Messenger conversation with "
                        + org.organisationName() + " to confirm this email address. It is valid for "
                        + properties.pinTtl().toMinutes()
                        + " minutes.\n\nIf you did not ask for it, ignore this email.",
                // if the mail is given up on, this comes back to tell(): the person hears of it
                message.withNotice(PIN_UNDELIVERED)));
    }

    /** The key of the e-mail job of the PIN asked for in this message. */
    private static String pinMail(InboundEvent event) {
        return "pin:" + event.externalId();
    }

    /**
     * A notice about one of the person's messages, queued after it was answered. {@link #PIN_UNDELIVERED}:
     * the mail worker gave up on the PIN e-mail asked for in it (the server refused the address for good,
     * or the retries ran out). While the dialog still waits for that PIN, the person is told the code could
     * not be delivered to that address and asked for another one, and the dialog goes back to the e-mail
     * step; once they have moved on (another address typed, the dialog ended), nothing is said.
     */
    private void tell(MessageToAnswer message) {
        InboundEvent event = message.event();
        Optional<Long> announcement = PlaceNotices.announcementOf(message.notice());
        if (announcement.isPresent()) {
            tellAnnouncement(message, announcement.get());
            return;
        }
        if (PlaceNotices.concerns(message.notice())) {
            tellAboutPlace(message);
            return;
        }
        if (!PIN_UNDELIVERED.equals(message.notice())) {
            // queued by a newer version during a rolling deploy: failed, not skipped, so that the queue's retries
            // reach a node that knows it; after them it waits in s:dead for model-tools dead replay
            String kind = message.notice().split("\\|", 2)[0];
            throw new IllegalStateException("a notice of a kind this version does not know (" + kind
                    + "); retried so that a newer node answers it");
        }
        if (optOuts.isOptedOut(message.organisationId(), event.authorId())) {
            skip(message, "the person opted out");
            return;
        }
        if (dialogs.paused(event.pageId(), event.authorId())) {
            skip(message, "an admin is answering this conversation");
            return;
        }
        Optional<Dialog> dialog = dialogs.find(event.pageId(), event.authorId());
        if (dialog.isEmpty() || !dialog.get().awaitsPinOf(pinMail(event))) {
            skip(message, "the dialog no longer waits for the code of that e-mail");
            return;
        }
        // told first, the dialog changed after: a retry after a failure in between finds the dialog still
        // waiting, and the reply's record keeps the message from being sent twice
        reply(
                message,
                "pin_undelivered",
                ConversationTexts.pinUndelivered(dialog.get().email()));
        dialogs.save(event.pageId(), event.authorId(), dialog.get().awaitingEmail());
        log.info(
                "A PIN e-mail for a person on page {} could not be delivered; they are asked for another address",
                event.pageId());
    }

    /** Where the code that can still be typed went, or null when none can. */
    private String codeInForce(Dialog dialog) {
        boolean live = dialog.step() == Dialog.Step.AWAIT_PIN
                && dialog.pinExpiresAt() != null
                && clock.instant().isBefore(dialog.pinExpiresAt());
        return live ? dialog.email() : null;
    }

    private void receivePin(MessageToAnswer message, Dialog dialog) {
        InboundEvent event = message.event();
        String text = event.text() == null ? "" : event.text().strip();
        if (EMAIL.matcher(text).matches()) {
            // the code sent last stays in force unless a new one is sent
            receiveEmail(message, dialog);
            return;
        }
        if (dialog.pinExpiresAt() == null || clock.instant().isAfter(dialog.pinExpiresAt())) {
            dialogs.save(event.pageId(), event.authorId(), dialog.awaitingEmail());
            reply(message, "pin_expired", ConversationTexts.pinExpired());
            return;
        }
        Optional<String> typed = PinInput.codeIn(text);
        if (typed.isEmpty()) {
            // a question, a code typed short: not a try, so no attempt is used
            reply(message, "pin_wait", ConversationTexts.typeThePin(dialog.email()));
            return;
        }
        answers.mark(message);
        boolean right = MessageDigest.isEqual(
                hash(dialog.pinSalt(), typed.get()).getBytes(StandardCharsets.US_ASCII),
                dialog.pinHash().getBytes(StandardCharsets.US_ASCII));
        if (!right) {
            Dialog next = dialog.wrongPin();
            if (next.pinAttempts() >= properties.maxPinAttempts()) {
                dialogs.save(event.pageId(), event.authorId(), next.awaitingEmail());
                reply(
                        message,
                        "pin_locked",
                        ConversationTexts.tooManyWrongPins(dialogs.nextPinEmailIn(
                                event.pageId(),
                                event.authorId(),
                                properties.maxPinEmails(),
                                properties.pinEmailWindow(),
                                clock.instant())));
            } else {
                dialogs.save(event.pageId(), event.authorId(), next);
                reply(
                        message,
                        "pin_wrong",
                        ConversationTexts.wrongPin(properties.maxPinAttempts() - next.pinAttempts()));
            }
            return;
        }
        long volunteer = signups.volunteer(message.organisationId(), event.authorId(), event.authorName());
        signups.verifiedEmail(volunteer, dialog.email());
        showSlots(message, dialog.choosingSlots(), "Thanks, your email is confirmed!", volunteer, 0);
    }

    private void receiveSlot(MessageToAnswer message, Dialog dialog) {
        InboundEvent event = message.event();
        long volunteer = signups.volunteer(message.organisationId(), event.authorId(), event.authorName());
        if (isDone(event)) {
            answers.mark(message);
            dialogs.end(event.pageId(), event.authorId());
            reply(
                    message,
                    "confirmation",
                    ConversationTexts.confirmation(
                            signups.title(dialog.signupId()),
                            signups.slotsOf(volunteer, dialog.signupId()),
                            properties.zone()));
            return;
        }
        List<Slot> slots = slots(dialog.signupId());
        Integer page = pageAsked(event, dialog);
        if (page != null) {
            answers.mark(message);
            // "more" after the last page: the first again
            int from = page < slots.size() ? page : 0;
            String intro = from == 0 ? "Here are the first dates." : "Here are more dates.";
            showSlots(message, dialog, intro, volunteer, from);
            return;
        }
        Long slotId;
        if (event.payload() != null && event.payload().startsWith(ConversationTexts.SLOT_PREFIX)) {
            // a button names its slot, whichever menu it came with
            slotId = slotOfButton(event.payload());
        } else {
            List<Integer> typed = numbersIn(event.text());
            if (typed.size() != 1 || typed.get(0) < 0) {
                // "1 and 2", a date or nothing at all: no choice to guess from
                String intro = typed.isEmpty()
                        ? "Sorry, I didn't get that."
                        : "Sorry, I didn't get that. Please pick one slot at a time.";
                showSlots(message, dialog, intro, volunteer, dialog.page());
                return;
            }
            Optional<Long> numbered = dialog.numbered(typed.get(0));
            if (numbered.isEmpty()) {
                showSlots(
                        message,
                        dialog,
                        "Sorry, there's no slot " + typed.get(0) + " in the list; please pick again.",
                        volunteer,
                        dialog.page());
                return;
            }
            slotId = numbered.get();
        }
        Optional<Slot> chosen =
                slots.stream().filter(s -> slotId != null && s.id() == slotId).findFirst();
        answers.mark(message);
        if (chosen.isEmpty()) {
            // removed, moved to another signup or started since the menu was sent
            showSlots(message, dialog, "Sorry, that slot is no longer available.", volunteer, dialog.page());
            return;
        }
        SignupStore.Placement placement = signups.assign(dialog.signupId(), slotId, volunteer, "messenger");
        SignupStore.Assignment result = placement.outcome();
        if (result == SignupStore.Assignment.ALREADY_CONFIRMED && answeredEarlier(message, "slot_confirmed")) {
            // a retry of this very message: its first attempt took the place, and that answer is not known sent
            result = SignupStore.Assignment.CONFIRMED;
        }
        if (result == SignupStore.Assignment.CONFIRMED) {
            signupEvents.changed(message.organisationId(), dialog.signupId());
        }
        String intro = switch (result) {
            case CONFIRMED -> ConversationTexts.booked(chosen.get(), properties.zone());
            case ALREADY_CONFIRMED -> ConversationTexts.alreadyIn(chosen.get(), properties.zone());
            case OVERLAPS ->
                ConversationTexts.overlapsHeld(
                        placement.overlapped(),
                        placement.overlapped().signupId() == dialog.signupId()
                                ? null
                                : signups.title(placement.overlapped().signupId()),
                        properties.zone());
            case FULL -> "Sorry, that slot just filled up.";
            case NO_SUCH_SLOT -> "Sorry, that slot is no longer available.";
        };
        showSlots(
                message,
                dialog,
                intro,
                volunteer,
                dialog.page(),
                "slot_" + result.name().toLowerCase(Locale.ROOT));
    }

    /**
     * An admin moved a slot the person holds a place in, removed it, or gave their place up, or the place
     * is coming up ({@link PlaceNotices}, {@link PlaceReminders}): they are told, if it is still true when
     * the notice is sent (they still hold the place at the times the notice names; the place is still
     * given up) and the slot is still to come. Outside the 24-hour window the message carries Facebook's
     * tag for updates about an event the person registered for. An admin answering the person by hand
     * does not hold it back: the change is the organisers' own.
     */
    private void tellAboutPlace(MessageToAnswer message) {
        InboundEvent event = message.event();
        Optional<PlaceNotices.Notice> notice = PlaceNotices.parse(message.notice());
        if (notice.isEmpty()) {
            skip(message, "unknown notice " + message.notice());
            return;
        }
        if (optOuts.isOptedOut(message.organisationId(), event.authorId())) {
            skip(message, "the person opted out");
            return;
        }
        Instant now = clock.instant();
        if (PlaceNotices.REMOVED.equals(notice.get().kind())) {
            // the slot's row is gone: the notice carries its signup and times
            Optional<String> title = signups.titleIfAny(notice.get().signupId());
            if (title.isEmpty() || !notice.get().startsAt().isAfter(now)) {
                skip(message, "the signup was deleted, or the slot had started");
                return;
            }
            Slot removed = new Slot(
                    notice.get().slotId(),
                    notice.get().signupId(),
                    notice.get().startsAt(),
                    notice.get().endsAt(),
                    null,
                    0,
                    0);
            sendUpdate(
                    message,
                    notice.get().kind(),
                    ConversationTexts.slotRemoved(title.get(), removed, properties.zone()));
            return;
        }
        Optional<SignupStore.Place> place = signups.place(notice.get().slotId());
        if (place.isEmpty() || !place.get().slot().startsAt().isAfter(now)) {
            skip(message, "the slot was removed or has started");
            return;
        }
        boolean holds =
                signups.upcomingPlacesOf(message.organisationId(), event.authorId(), now, Integer.MAX_VALUE).stream()
                        .anyMatch(p -> p.slot().id() == notice.get().slotId());
        OutgoingMessage update;
        if (PlaceNotices.MOVED.equals(notice.get().kind())
                || PlaceNotices.REMINDER.equals(notice.get().kind())) {
            if (!holds) {
                skip(message, "the person no longer holds that place");
                return;
            }
            Slot slot = place.get().slot();
            // the notice keeps whole seconds
            if (slot.startsAt().getEpochSecond() != notice.get().startsAt().getEpochSecond()
                    || slot.endsAt().getEpochSecond() != notice.get().endsAt().getEpochSecond()) {
                skip(message, "the slot moved since: the notice of the move tells them");
                return;
            }
            update = PlaceNotices.MOVED.equals(notice.get().kind())
                    ? ConversationTexts.slotMoved(place.get(), properties.zone())
                    : ConversationTexts.reminder(place.get(), properties.zone());
        } else {
            if (holds) {
                skip(message, "the person holds that place again");
                return;
            }
            update = ConversationTexts.placeTakenBack(place.get(), properties.zone());
        }
        sendUpdate(message, notice.get().kind(), update);
    }

    /**
     * What an admin wrote to everyone with a place to come in a signup ({@link AnnouncementController}): sent
     * if the person still holds one there when the job is answered, like the notices about their place.
     */
    private void tellAnnouncement(MessageToAnswer message, long id) {
        InboundEvent event = message.event();
        Optional<Announcements.Announcement> announcement =
                announcements.find(id).filter(a -> a.organisationId() == message.organisationId());
        if (announcement.isEmpty()) {
            skip(message, "the announcement is gone");
            return;
        }
        if (optOuts.isOptedOut(message.organisationId(), event.authorId())) {
            skip(message, "the person opted out");
            return;
        }
        long signupId = announcement.get().signupId();
        Optional<SignupStore.Place> place = signups
                .upcomingPlacesOf(message.organisationId(), event.authorId(), clock.instant(), Integer.MAX_VALUE)
                .stream()
                .filter(p -> p.slot().signupId() == signupId)
                .findFirst();
        if (place.isEmpty()) {
            skip(message, "the person no longer holds a place to come in that signup");
            return;
        }
        sendUpdate(
                message,
                PlaceNotices.ANNOUNCEMENT,
                ConversationTexts.announcement(
                        place.get().title(), announcement.get().text()));
    }

    /** An update about the person's place: outside the 24-hour window, with Facebook's tag for event updates. */
    private void sendUpdate(MessageToAnswer message, String kind, OutgoingMessage update) {
        InboundEvent event = message.event();
        OutgoingMessage fitted = ConversationTexts.fitted(update);
        String tag = dialogs.windowOpen(event.pageId(), event.authorId()) ? null : CONFIRMED_EVENT_UPDATE;
        sender.send(message, ReplySender.PRIVATE, kind, fitted.text(), page -> {
            String mid = graph.sendMessage(page, event.authorId(), fitted, tag);
            dialogs.sentByBot(mid);
            return mid;
        });
    }

    // --- giving up a place ----------------------------------------------------------------------------

    /**
     * "cancel", "I can't make it anymore": the person's places to come, one as a question with "Yes, cancel
     * it" and "No, keep it", several as a numbered menu; none, and they are told so. Nothing is given up
     * without their choice.
     */
    private void askWhichToCancel(MessageToAnswer message, String intro) {
        InboundEvent event = message.event();
        List<SignupStore.Place> places = signups.upcomingPlacesOf(
                message.organisationId(), event.authorId(), clock.instant(), ConversationTexts.PAGE);
        if (places.isEmpty()) {
            dialogs.end(event.pageId(), event.authorId());
            reply(message, "cancel_nothing", ConversationTexts.nothingToCancel());
            return;
        }
        dialogs.save(
                event.pageId(),
                event.authorId(),
                Dialog.cancelling()
                        .showing(places.stream().map(p -> p.slot().id()).toList(), 1));
        reply(
                message,
                "cancel_ask",
                places.size() == 1 && intro == null
                        ? ConversationTexts.askCancelOne(places.get(0), properties.zone())
                        : ConversationTexts.askCancelWhich(intro, places, properties.zone()));
    }

    /** "What did I sign up for?", "when is my shift?": the person's places to come, soonest first. */
    private void listPlaces(MessageToAnswer message) {
        List<SignupStore.Place> places = signups.upcomingPlacesOf(
                message.organisationId(), message.event().authorId(), clock.instant(), ConversationTexts.PAGE + 1);
        reply(message, "places", ConversationTexts.yourPlaces(places, properties.zone()));
    }

    /** A button of the cancel question: "Yes, cancel it" or a place of the menu, or "No, keep it". */
    private void receiveCancelButton(MessageToAnswer message, String payload) {
        answers.mark(message);
        if (payload.equals(ConversationTexts.KEEP)) {
            keepPlaces(message);
            return;
        }
        try {
            giveUp(message, Long.parseLong(payload.substring(ConversationTexts.CANCEL_PREFIX.length())));
        } catch (NumberFormatException e) {
            askWhichToCancel(message, "Sorry, I didn't get that.");
        }
    }

    /** Typed in the cancel step: the number of a place, a yes to the one place asked about, or a no. */
    private void receiveCancelChoice(MessageToAnswer message, Dialog dialog) {
        InboundEvent event = message.event();
        if (TypedYesNo.no(event.text())) {
            answers.mark(message);
            keepPlaces(message);
            return;
        }
        List<Integer> typed = numbersIn(event.text());
        Optional<Long> slot = typed.size() == 1
                ? dialog.numbered(typed.get(0))
                : dialog.menu().size() == 1 && TypedYesNo.yes(event.text())
                        ? Optional.of(dialog.menu().get(0))
                        : Optional.empty();
        if (slot.isEmpty()) {
            askWhichToCancel(message, "Sorry, I didn't get that.");
            return;
        }
        answers.mark(message);
        giveUp(message, slot.get());
    }

    private void giveUp(MessageToAnswer message, long slotId) {
        InboundEvent event = message.event();
        Optional<SignupStore.Place> place =
                signups.giveUpPlace(message.organisationId(), event.authorId(), slotId, clock.instant());
        dialogs.end(event.pageId(), event.authorId());
        if (place.isEmpty()) {
            reply(message, "cancel_not_held", ConversationTexts.placeNotHeld());
            return;
        }
        signupEvents.changed(message.organisationId(), place.get().slot().signupId());
        log.info("A volunteer on page {} gave up their place in slot {}", event.pageId(), slotId);
        reply(message, "cancel_done", ConversationTexts.placeGivenUp(place.get(), properties.zone()));
    }

    private void keepPlaces(MessageToAnswer message) {
        InboundEvent event = message.event();
        int places = signups.upcomingPlacesOf(
                        message.organisationId(), event.authorId(), clock.instant(), ConversationTexts.PAGE)
                .size();
        dialogs.end(event.pageId(), event.authorId());
        reply(message, "cancel_kept", ConversationTexts.placesKept(places));
    }

    /** "Done", tapped or typed. */
    private static boolean isDone(InboundEvent event) {
        return ConversationTexts.DONE.equals(event.payload())
                || "done".equalsIgnoreCase(String.valueOf(event.text()).strip());
    }

    /**
     * The page of the menu asked for: a "More dates" (or "Earlier dates") button, or "more" typed, the
     * page after the last menu (the first again after the last); null when the message asks for none.
     */
    private static Integer pageAsked(InboundEvent event, Dialog dialog) {
        String payload = event.payload();
        if (payload != null && payload.startsWith(ConversationTexts.PAGE_PREFIX)) {
            try {
                return Math.max(0, Integer.parseInt(payload.substring(ConversationTexts.PAGE_PREFIX.length())));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        if (payload == null
                && event.text() != null
                && MORE.matcher(event.text()).matches()) {
            return dialog.nextPage();
        }
        return null;
    }

    /** The numbers in a message, in order ("1 and 2": 1 and 2); none when a run of digits is too long to be one. */
    private static List<Integer> numbersIn(String text) {
        if (text == null) {
            return List.of();
        }
        List<Integer> numbers = new ArrayList<>();
        Matcher digits = NUMBER.matcher(text);
        while (digits.find()) {
            // a phone number or a PIN is no choice (and no int either): -1, which no menu numbers
            numbers.add(digits.group().length() <= 3 ? Integer.parseInt(digits.group()) : -1);
        }
        return numbers;
    }

    private static Long slotOfButton(String payload) {
        try {
            return Long.parseLong(payload.substring(ConversationTexts.SLOT_PREFIX.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void showSlots(MessageToAnswer message, Dialog dialog, String intro, long volunteer, int from) {
        showSlots(message, dialog, intro, volunteer, from, "choose_slots");
    }

    /**
     * Sends a page of the signup's slot menu (from index {@code from}, named by the signup's title, those
     * the volunteer holds marked) and remembers what it numbered, so that a number typed next means the
     * slot the person read, whatever changes in the signup meanwhile.
     */
    private void showSlots(
            MessageToAnswer message, Dialog dialog, String intro, long volunteer, int from, String step) {
        showSlots(message, dialog, intro, choices(volunteer, dialog.signupId()), from, step);
    }

    private void showSlots(
            MessageToAnswer message, Dialog dialog, String intro, SlotChoices choices, int from, String step) {
        InboundEvent event = message.event();
        ConversationTexts.SlotMenu menu = ConversationTexts.slotMenu(
                intro,
                signups.title(dialog.signupId()),
                choices.slots(),
                from,
                choices.held(),
                choices.clashing(),
                properties.zone());
        dialogs.save(event.pageId(), event.authorId(), dialog.showing(menu.ids(), menu.first()));
        reply(message, step, menu.message());
    }

    /**
     * What a slot menu of the signup is drawn from, for this volunteer: its upcoming slots, those they
     * hold (under merged ids too) and those overlapping a place they hold.
     */
    private record SlotChoices(List<Slot> slots, Set<Long> held, Set<Long> clashing) {}

    private SlotChoices choices(long volunteer, long signupId) {
        return new SlotChoices(
                slots(signupId),
                signups.slotsOf(volunteer, signupId).stream().map(Slot::id).collect(Collectors.toSet()),
                signups.clashingSlots(volunteer, signupId));
    }

    private List<Slot> slots(long signupId) {
        return signups.upcomingSlots(signupId, clock.instant());
    }

    /** An echo of a message the page sent: if the bot did not send it, an admin did, and the bot steps aside. */
    private void noticeEcho(InboundEvent echo) {
        if (echo.recipientId() == null || dialogs.wasSentByBot(echo.externalId())) {
            return;
        }
        dialogs.pause(echo.pageId(), echo.recipientId());
        log.info(
                "An admin answered a conversation on page {} by hand; the bot pauses for {}",
                echo.pageId(),
                properties.humanTakeover());
    }

    /** Answers the incoming message, once, inside the 24-hour window. */
    private void reply(MessageToAnswer message, String step, OutgoingMessage answer) {
        InboundEvent event = message.event();
        if (!dialogs.windowOpen(event.pageId(), event.authorId())) {
            skip(message, "outside the 24-hour messaging window and no allowed tag");
            return;
        }
        OutgoingMessage fitted = ConversationTexts.fitted(answer);
        sender.send(message, ReplySender.PRIVATE, step, fitted.text(), page -> {
            String mid = graph.sendMessage(page, event.authorId(), fitted, null);
            dialogs.sentByBot(mid);
            return mid;
        });
    }

    /** Whether an earlier attempt at this message decided its answer as {@code step}, not known sent yet. */
    private boolean answeredEarlier(MessageToAnswer message, String step) {
        return records.pendingText(message.replyTarget(), ReplySender.PRIVATE, step)
                .isPresent();
    }

    private void skip(MessageToAnswer message, String reason) {
        records.recordSkipped(
                message.organisationId(),
                message.messageId(),
                message.replyTarget(),
                ReplySender.PRIVATE,
                null,
                reason);
    }

    private static String hash(String salt, String pin) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest((salt + ":" + pin).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
