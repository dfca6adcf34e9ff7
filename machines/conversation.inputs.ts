import { must } from '../booking/invariant.js';
import { patient, resident, type Context } from './errand.js';

// What the root chart gives each flow it invokes, from its own context: whose times, what
// the resident asked, and the child's name when the errand is for a child (ombud).

const forName = (c: Context) => (c.actingFor ? { forName: c.actingFor.name } : {});

export const chooseChild = (c: Context) => {
  const { childKind: kind, childId: id } = c.request?.understanding ?? {};
  return { patientId: resident(c), ...(kind ? { kind } : {}), ...(id ? { id } : {}) };
};

export const view = (c: Context) => ({ patientId: patient(c), hint: c.request?.understanding, ...forName(c) });

export const pickBooking = (c: Context) => ({
  patientId: patient(c),
  action: c.request?.intent === 'rebook' ? ('rebook' as const) : ('cancel' as const),
  hint: c.request?.understanding,
  bookingId: c.request?.bookingId,
});

export const cancelBooking = (c: Context) => ({ ...must(c.cancel, 'the booking picked to cancel'), ...forName(c) });

export const chooseService = (c: Context) => ({
  patientId: patient(c),
  understanding: c.request?.understanding,
  viaGuide: c.request?.viaGuide,
});

export const chooseInvitation = (c: Context) => ({
  patientId: patient(c),
  understanding: c.request?.understanding,
  refusal: c.request?.refusal,
});

export const checkExisting = (c: Context) => {
  const time = must(c.time, 'what the time is for');
  return { patientId: patient(c), careServiceId: time.careServiceId, serviceName: time.service, ...forName(c) };
};

export const chooseTime = (c: Context) => ({ ...must(c.time, 'what the time is for'), ...forName(c) });
