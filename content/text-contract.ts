import type { Rejection, RejectionCode } from '../booking/rejections.js';

// Which text keys the code renders and which parameters it gives each. The content
// checker holds the texts to this: a key the code uses must exist, and a text may only
// use parameters the code provides.

type FieldsOf<C extends RejectionCode> = Exclude<keyof Extract<Rejection, { code: C }>, 'code'>;

const REJECTION_PARAMS = {
  multiple_resources: [],
  series_booking: [],
  unit_not_bookable: ['unitName', 'phone'],
  system_not_connected: ['unitName', 'phone'],
  special_handling: ['unitName', 'phone'],
  cancel_not_online: ['unitName', 'phone'],
  rebook_not_online: ['unitName', 'phone'],
  booking_not_online: ['unitName', 'phone'],
  invitation_required: ['unitName', 'phone'],
  too_late_to_cancel: ['deadline', 'hours', 'unitName', 'phone'],
  too_late_to_rebook: ['deadline', 'hours', 'unitName', 'phone'],
  too_soon: ['hours'],
  beyond_horizon: ['days', 'lastDate'],
  terms_not_accepted: [],
  reason_required: [],
  reason_too_long: ['max', 'length'],
  slot_taken: [],
  slot_not_found: [],
  in_the_past: [],
  booking_not_found: [],
  already_cancelled: [],
  wrong_care_service: [],
  invitation_not_found: [],
  invitation_used: [],
  invitation_not_started: ['earliestDate'],
  invitation_expired: ['latestDate', 'unitName', 'phone'],
  outside_invitation_window: ['earliestDate', 'latestDate'],
} as const satisfies { [C in RejectionCode]: readonly FieldsOf<C>[] };

const BOOKING = ['start', 'service', 'unit', 'phone'] as const;
const NONE = [] as const;

/** Keys the conversation renders, with the parameters it gives each. */
const CONVERSATION_PARAMS: Record<string, readonly string[]> = {
  'menu.welcome': NONE, 'menu.again': NONE, 'menu.goodbye': NONE, 'menu.thanks': NONE, 'menu.plain': NONE, 'session.updated': NONE, 'switch.ask': ['current', 'next'],
  'errand.view': NONE, 'errand.cancel': NONE, 'errand.rebook': NONE, 'errand.book': NONE, 'errand.book-invitation': NONE, 'errand.guided': NONE,
  'choice.switchYes': NONE, 'choice.switchNo': NONE,
  'auth.required': NONE, 'auth.requiredToBook': NONE, 'advice.emergency': NONE, 'advice.suicide': NONE, 'advice.resume': NONE,
  'global.logout': NONE, 'answer.ask-cost': NONE, 'answer.ask-unit': NONE, 'english.intro': NONE,
  'understand.clarifyTwo': ['first', 'second'], 'understand.clarifyOne': ['first'], 'understand.nothingFits': NONE,
  'intent.view': NONE, 'intent.cancel': NONE, 'intent.rebook': NONE, 'intent.book': NONE, 'intent.book-invitation': NONE,
  'intent.guided': NONE, 'intent.help': NONE, 'intent.ask-cost': NONE, 'intent.ask-unit': NONE,
  'choice.menu.help': NONE, 'choice.menu.ask-cost': NONE, 'choice.menu.ask-unit': NONE, 'choice.somethingElse': NONE,
  'choice.resume': NONE, 'choice.stopFlow': NONE, 'session.expired': NONE, 'error.technical': NONE, 'error.bookingSystem': NONE,
  'help.menu': NONE, 'help.view': NONE, 'help.pickBooking': NONE, 'help.cancelBooking': NONE, 'help.chooseTime': NONE,
  'help.chooseInvitation': NONE, 'help.chooseService': NONE, 'help.chooseGuide': NONE, 'help.guided': NONE,
  'guided.inline': ['text'], 'guided.choose': NONE, 'guided.numberHint': ['min', 'max'], 'guided.changeWhich': NONE,
  'choice.yes': NONE, 'choice.no': NONE, 'choice.back': NONE, 'choice.change': NONE, 'choice.keepAnswers': NONE,
  'global.abort': NONE, 'global.restart': NONE, 'global.menu': NONE,
  'understand.reprompt.choice': NONE, 'understand.reprompt.yesno': NONE, 'understand.reprompt.text': NONE, 'understand.reprompt.free': NONE, 'understand.reprompt.number': NONE,
  'understand.invalidDate': ['text'], 'understand.pastDate': ['date'], 'understand.stale': NONE, 'understand.tooLong': ['max'],
  'choice.booking': ['start', 'service'], 'choice.slot': ['start'],
  'choice.more': NONE, 'choice.menu': NONE, 'choice.acceptTerms': NONE, 'choice.declineTerms': NONE, 'choice.skipReason': NONE,
  'choice.yesCancel': NONE, 'choice.noKeep': NONE, 'choice.laterTimes': NONE, 'choice.otherDay': NONE,
  'choice.anyTime': NONE, 'choice.noOtherTime': NONE, 'choice.rebook.stop': NONE, 'choice.rebook.yes': NONE,
  'choice.book.stop': NONE, 'choice.book.yes': NONE, 'choice.alternative': ['unit', 'start'],
  'choice.invitation': ['service', 'unit'], 'choice.service': ['service'], 'choice.unit': ['unit'],
  'choice.menu.view': NONE, 'choice.menu.cancel': NONE, 'choice.menu.rebook': NONE, 'choice.menu.book': NONE,
  'choice.menu.book-invitation': NONE, 'choice.menu.guided': NONE,
  'booking.summary': BOOKING, 'booking.shownWith': ['name'],
  'view.none': NONE, 'view.header': ['count'], 'view.headerOne': ['count'],
  'view.changeable': ['deadline'], 'view.cancelOnly': ['deadline'], 'view.rebookOnly': ['deadline'],
  'view.notChangeableOnline': ['unitName', 'phone'],
  'pick.chooseAnother': NONE, 'pick.noneThatDay': NONE, 'terms.intro': NONE, 'terms.declined': NONE, 'terms.declinedBooking': NONE,
  'cancel.choose': NONE, 'cancel.none': NONE, 'cancel.reason.required': ['max'], 'cancel.reason.optional': ['max'],
  'cancel.confirm': NONE, 'cancel.done': BOOKING, 'cancel.kept': NONE,
  'web.title': NONE, 'web.subtitle': NONE, 'web.skipToChat': NONE, 'web.accountHeading': NONE, 'web.notLoggedIn': NONE,
  'web.loggedInAs': ['name'], 'web.loginFailed': NONE, 'web.personLabel': NONE, 'web.loginButton': NONE, 'web.logoutButton': NONE,
  'web.note': NONE, 'web.chatLabel': NONE, 'web.noscript': NONE,
  'chat.userName': NONE, 'chat.botName': NONE,
  'rebook.choose': NONE, 'rebook.none': NONE, 'rebook.confirm': [...BOOKING, 'newStart'], 'rebook.done': BOOKING, 'rebook.stopped': BOOKING,
  'book.chooseWhat': NONE, 'book.chooseWhere': ['service'], 'book.notOffered': NONE, 'book.otherwise': NONE, 'book.noneOffered': NONE,
  'book.reason.required': ['max'], 'book.reason.optional': ['max'], 'book.confirm': [...BOOKING, 'newStart'],
  'book.done': BOOKING, 'book.instructions': NONE, 'book.stopped': BOOKING,
  'time.offer': ['service', 'unit', 'phone'], 'time.offerMore': ['service', 'unit', 'phone'], 'time.askWish': NONE,
  'time.noSlots': ['service', 'unit', 'phone'], 'time.noSlotsForWish': ['service', 'unit', 'phone'], 'time.alternatives': NONE,
  'time.slotTaken': ['service', 'unit', 'phone'], 'time.nearest': NONE,
  'invitation.header': ['count'], 'invitation.summary': ['service', 'unit'], 'invitation.purpose': ['purpose'],
  'invitation.open': ['earliestDate', 'latestDate'], 'invitation.choose': NONE, 'invitation.chooseAnother': NONE, 'invitation.none': NONE,
};

/** Parameters provided for text keys used by the code, keyed by text key. */
export const TEXT_CONTRACT: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ...Object.entries(REJECTION_PARAMS).map(([code, params]) => [`booking.rejected.${code}`, params] as const),
  ...Object.entries(CONVERSATION_PARAMS),
]);
