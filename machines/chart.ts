import { fromPromise } from 'xstate';
import type { BookingEffects } from '../booking/effects.js';
import { cancelBookingMachine } from './cancel-booking.machine.js';
import { checkExistingMachine } from './check-existing.machine.js';
import { chooseChildMachine } from './choose-child.machine.js';
import { chooseInvitationMachine } from './choose-invitation.machine.js';
import { chooseServiceMachine } from './choose-service.machine.js';
import { chooseTimeMachine } from './choose-time.machine.js';
import { conversationMachine } from './conversation.machine.js';
import { pickBookingMachine } from './pick-booking.machine.js';
import { questionnaireMachine, type QuestionnaireCatalog } from './questionnaire.machine.js';
import { viewMachine } from './view.machine.js';

// The chart with its effects: the booking contract and the questionnaires, given once
// by the composition root. Everything else in the chart is pure.

const effect = <I, O>(run: (input: I) => Promise<O>) => fromPromise<O, I>(({ input }) => run(input));

export function chartWith(effects: BookingEffects, questionnaires: QuestionnaireCatalog) {
  const listBookings = effect(effects.listBookings);
  return conversationMachine.provide({
    actors: {
      view: viewMachine.provide({ actors: { listBookings } }),
      pickBooking: pickBookingMachine.provide({ actors: { listBookings } }),
      cancelBooking: cancelBookingMachine.provide({ actors: { cancelBooking: effect(effects.cancelBooking) } }),
      chooseTime: chooseTimeMachine.provide({
        actors: { findSlots: effect(effects.findSlots), commitTime: effect(effects.commitTime) },
      }),
      checkExisting: checkExistingMachine.provide({ actors: { listBookings } }),
      chooseChild: chooseChildMachine.provide({ actors: { listChildren: effect(effects.listChildren) } }),
      chooseInvitation: chooseInvitationMachine.provide({
        actors: { listInvitations: effect(effects.listInvitations) },
      }),
      chooseService: chooseServiceMachine.provide({ actors: { listOffers: effect(effects.listOffers) } }),
      guided: questionnaireMachine(questionnaires),
    },
  });
}

export type Chart = ReturnType<typeof chartWith>;
