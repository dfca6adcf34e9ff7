import { describe, expect, it } from 'vitest';
import { fromPromise } from 'xstate';
import { chooseInvitationMachine } from '../../machines/choose-invitation.machine.js';
import { chooseServiceMachine } from '../../machines/choose-service.machine.js';
import type { InvitationSummary, OfferSummary, Offers } from '../../booking/views.js';
import { choices, keys, started, state, turn, understanding } from '../support/machines.js';

const offer = (over: Partial<OfferSummary>): OfferSummary => ({
  careServiceId: 'x',
  serviceName: 'Provtagning',
  unitHsaId: 'U1',
  unitName: 'Vårdcentralen Fyrisdal',
  unitPhone: '018',
  reason: 'none',
  reasonMaxLength: 150,
  ...over,
});
const OFFERS = [
  offer({ careServiceId: 'f-prov', serviceName: 'Provtagning', unitHsaId: 'U1' }),
  offer({ careServiceId: 's-prov', serviceName: 'Provtagning', unitHsaId: 'U2', unitName: 'Vårdcentralen Sävjaberg' }),
  offer({ careServiceId: 'f-vacc', serviceName: 'Vaccination', unitHsaId: 'U1' }),
  offer({
    careServiceId: 'fysio',
    serviceName: 'Nybesök hos fysioterapeut',
    unitHsaId: 'U3',
    unitName: 'Fysioterapin',
    terms: 'terms.book.physiotherapy',
  }),
];
const REFUSALS: Offers['refusals'] = [
  {
    unitHsaId: 'U11',
    careServiceId: 'mammo',
    rejection: { code: 'invitation_required', unitName: 'Bröströntgen', phone: '2' },
  },
  {
    unitHsaId: 'U8',
    careServiceId: 'tand',
    rejection: { code: 'system_not_connected', unitName: 'Folktandvården', phone: '1' },
  },
];
const services = (offers: OfferSummary[] | Error = OFFERS) =>
  chooseServiceMachine.provide({
    actors: {
      listOffers: fromPromise<Offers, { patientId: string; viaGuide: boolean }>(async () => {
        if (offers instanceof Error) throw offers;
        return { offers, refusals: REFUSALS };
      }),
    },
  });

describe('choosing what to book (öppen tidbok)', () => {
  it('hands a service booked by invitation over to the invitations, with the reason', async () => {
    const a = await started(services(), {
      patientId: 'p',
      understanding: understanding({ careServiceIds: ['mammo'] }),
    });
    expect(a.getSnapshot().output).toMatchObject({
      outcome: 'invitation',
      understanding: { careServiceIds: ['mammo'] },
      refusal: { code: 'invitation_required' },
    });
    expect(keys(a)).toEqual([]);
  });

  it('keeps the unit named first when the resident then picks what to book', async () => {
    const a = await started(services(), { patientId: 'p', understanding: understanding({ unitHsaIds: ['U1'] }) });
    expect(choices(a)).toEqual(['what:Provtagning', 'what:Vaccination', 'menu']);
    await turn(a, { type: 'user.chose', value: 'what:Provtagning' });
    expect(a.getSnapshot().output).toMatchObject({ outcome: 'chosen', offer: { careServiceId: 'f-prov' } });
  });

  it('asks what, then where when several units offer it', async () => {
    const a = await started(services(), { patientId: 'p' });
    expect(choices(a)).toEqual(['what:Provtagning', 'what:Vaccination', 'what:Nybesök hos fysioterapeut', 'menu']);
    await turn(a, { type: 'user.chose', value: 'what:Provtagning' });
    expect(keys(a)).toEqual(['book.chooseWhere']);
    expect(choices(a)).toEqual(['f-prov', 's-prov', 'menu']);
    await turn(a, { type: 'user.chose', value: 's-prov' });
    expect(a.getSnapshot().output).toMatchObject({
      outcome: 'chosen',
      offer: { careServiceId: 's-prov' },
      termsAccepted: false,
    });
  });

  it('goes straight on when the resident names service and unit', async () => {
    const a = await started(services(), {
      patientId: 'p',
      understanding: understanding({ careServiceIds: ['f-prov', 's-prov'], unitHsaIds: ['U1'] }),
    });
    expect(a.getSnapshot().output).toMatchObject({ outcome: 'chosen', offer: { careServiceId: 'f-prov' } });
  });

  it('understands typed words while asking', async () => {
    const a = await started(services(), { patientId: 'p' });
    await turn(a, {
      type: 'user.said',
      text: 'vaccination',
      understanding: understanding({ careServiceIds: ['f-vacc', 'other-vacc'] }),
    });
    expect(a.getSnapshot().output).toMatchObject({ outcome: 'chosen', offer: { careServiceId: 'f-vacc' } });
  });

  it('says when what was named cannot be booked online, and offers what can', async () => {
    const a = await started(services(), {
      patientId: 'p',
      understanding: understanding({ careServiceIds: ['hud-nybesok'] }),
    });
    expect(keys(a)).toEqual(['book.notOffered', 'book.chooseWhat']);
    expect(choices(a)).toHaveLength(4);
  });

  it('names the reason from the rules when the named unit is outside the service', async () => {
    const a = await started(services(), {
      patientId: 'p',
      understanding: understanding({ unitHsaIds: ['U8'], careServiceIds: ['tand'] }),
    });
    expect(keys(a)).toEqual(['booking.rejected.system_not_connected', 'book.otherwise', 'book.chooseWhat']);
  });

  it('asks for the terms where configured', async () => {
    const a = await started(services(), { patientId: 'p', understanding: understanding({ unitHsaIds: ['U3'] }) });
    expect(keys(a)).toEqual(['terms.intro', 'terms.book.physiotherapy']);
    await turn(a, { type: 'user.confirmed' });
    expect(a.getSnapshot().output).toMatchObject({ outcome: 'chosen', termsAccepted: true });
    const b = await started(services(), { patientId: 'p', understanding: understanding({ unitHsaIds: ['U3'] }) });
    await turn(b, { type: 'user.declined' });
    expect(b.getSnapshot().output).toEqual({ outcome: 'declined' });
  });

  it('says when nothing can be booked, and apologises when the system fails', async () => {
    const none = await started(services([]), { patientId: 'p' });
    expect(none.getSnapshot().output).toEqual({ outcome: 'none' });
    const failed = await started(services(new Error('down')), { patientId: 'p' });
    expect(keys(failed)).toEqual(['error.bookingSystem']);
  });
});

const invitation = (over: Partial<InvitationSummary>): InvitationSummary => ({
  ...offer({}),
  id: 'i',
  purpose: 'Boka ett nybesök.',
  earliestDate: '2026-12-01',
  latestDate: '2026-12-31',
  state: { ok: true },
  ...over,
});
const invitations = (list: InvitationSummary[] | Error) =>
  chooseInvitationMachine.provide({
    actors: {
      listInvitations: fromPromise(async () => {
        if (list instanceof Error) throw list;
        return list;
      }),
    },
  });

describe('choosing a bokningsunderlag', () => {
  it('shows each invitation with the clinic text and period, and takes the only open one at once', async () => {
    const a = await started(invitations([invitation({ id: 'hud', terms: 'terms.change.specialist' })]), {
      patientId: 'p',
    });
    expect(keys(a)).toEqual([
      'invitation.header',
      'invitation.summary',
      'invitation.purpose',
      'invitation.open',
      'terms.intro',
      'terms.change.specialist',
    ]);
    await turn(a, { type: 'user.confirmed' });
    expect(a.getSnapshot().output).toMatchObject({ outcome: 'chosen', invitation: { id: 'hud' }, termsAccepted: true });
  });

  it('shows why an invitation not yet open or expired cannot be used, and offers only open ones as buttons', async () => {
    const list = [
      invitation({ id: 'open' }),
      invitation({ id: 'open2' }),
      invitation({
        id: 'later',
        state: { ok: false, rejection: { code: 'invitation_not_started', earliestDate: '2026-12-15' } },
      }),
      invitation({
        id: 'old',
        state: {
          ok: false,
          rejection: { code: 'invitation_expired', latestDate: '2026-11-20', unitName: 'U', phone: '1' },
        },
      }),
    ];
    const a = await started(invitations(list), { patientId: 'p' });
    expect(keys(a)).toContain('booking.rejected.invitation_not_started');
    expect(keys(a)).toContain('booking.rejected.invitation_expired');
    expect(choices(a)).toEqual(['open', 'open2', 'menu']);
    await turn(a, { type: 'user.chose', value: 'later' });
    expect(state(a)).toBe('choosing');
    await turn(a, { type: 'user.chose', value: 'open2' });
    expect(a.getSnapshot().output).toMatchObject({ outcome: 'chosen', invitation: { id: 'open2' } });
  });

  it('takes the invitation for the service the resident names, with the wished time', async () => {
    const list = [
      invitation({ id: 'hud', careServiceId: 'hud-nybesok' }),
      invitation({ id: 'diabetes', careServiceId: 'diabetes' }),
    ];
    const wish = { dateFrom: '2027-01-01', dateTo: '2027-01-31' };
    const a = await started(invitations(list), {
      patientId: 'p',
      understanding: understanding({ careServiceIds: ['diabetes'], wish }),
    });
    expect(keys(a)).toEqual(['invitation.summary', 'invitation.purpose', 'invitation.open']);
    expect(a.getSnapshot().output).toMatchObject({ outcome: 'chosen', invitation: { id: 'diabetes' }, wish });
  });

  it('answers a named invitation that is not open with its card, and offers the open ones', async () => {
    const list = [
      invitation({ id: 'hud', careServiceId: 'hud-nybesok' }),
      invitation({
        id: 'mammografi',
        careServiceId: 'mammografi',
        state: { ok: false, rejection: { code: 'invitation_not_started', earliestDate: '2026-12-15' } },
      }),
    ];
    const a = await started(invitations(list), {
      patientId: 'p',
      understanding: understanding({ careServiceIds: ['mammografi'] }),
    });
    expect(keys(a)).toEqual([
      'invitation.summary',
      'invitation.purpose',
      'booking.rejected.invitation_not_started',
      'invitation.chooseAnother',
    ]);
    expect(choices(a)).toEqual(['hud', 'menu']);
  });

  it('says why, when the resident names a service booked by invitation and has none for it', async () => {
    const refusal = { code: 'invitation_required', unitName: 'Bröströntgen', phone: '018' } as const;
    const none = await started(invitations([]), {
      patientId: 'p',
      understanding: understanding({ careServiceIds: ['mammografi'] }),
      refusal,
    });
    expect(keys(none)).toEqual(['booking.rejected.invitation_required']);
    const other = await started(invitations([invitation({ id: 'hud', careServiceId: 'hud-nybesok' })]), {
      patientId: 'p',
      understanding: understanding({ careServiceIds: ['mammografi'] }),
      refusal,
    });
    expect(keys(other)[0]).toBe('booking.rejected.invitation_required');
  });

  it('says when there are none, goes back to the menu, and apologises on failure', async () => {
    expect((await started(invitations([]), { patientId: 'p' })).getSnapshot().output).toEqual({ outcome: 'none' });
    const a = await started(invitations([invitation({ id: 'a' }), invitation({ id: 'b' })]), { patientId: 'p' });
    expect(state(a)).toBe('choosing');
    await turn(a, { type: 'user.chose', value: 'menu' });
    expect(a.getSnapshot().output).toEqual({ outcome: 'menu' });
    expect(keys(await started(invitations(new Error('x')), { patientId: 'p' }))).toEqual(['error.bookingSystem']);
  });
});
