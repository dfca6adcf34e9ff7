import { afterEach, describe, expect, it } from 'vitest';
import type { RejectionCode } from '../../booking/rejections.js';
import { cleanupTidboks, freshTidbok, TEST_NOW, TOLVAN } from '../support/tidbok.js';

let env: ReturnType<typeof freshTidbok>;
afterEach(cleanupTidboks);

const codeOf = (r: { ok: boolean; rejection?: { code: RejectionCode } }) => (r.ok ? 'ok' : r.rejection!.code);

describe('the booking service on the demo data', () => {
  it("lists Tolvan's future bookings in time order, without the confidential unit, each with what she may do", async () => {
    env = freshTidbok();
    const views = await env.service.myBookings(TOLVAN, TEST_NOW);
    const ids = views.map((v) => v.booking.id);
    expect(ids).not.toContain('tolvan-beroende');
    expect(views.map((v) => v.booking.start)).toEqual(
      [...views.map((v) => v.booking.start)].sort((a, b) => Date.parse(a) - Date.parse(b)),
    );
    const can = Object.fromEntries(views.map((v) => [v.booking.id, [codeOf(v.cancel), codeOf(v.rebook)]]));
    expect(can).toEqual({
      'tolvan-lakarbesok': ['ok', 'ok'],
      'tolvan-provtagning-snart': ['too_late_to_cancel', 'too_late_to_rebook'],
      'tolvan-fysio-serie-1': ['series_booking', 'series_booking'],
      'tolvan-fysio-serie-2': ['series_booking', 'series_booking'],
      'tolvan-ljusbehandling': ['multiple_resources', 'multiple_resources'],
      'tolvan-halsosamtal': ['cancel_not_online', 'rebook_not_online'],
      'tolvan-hud-aterbesok': ['ok', 'ok'],
    });
    const lakare = views.find((v) => v.booking.id === 'tolvan-lakarbesok')!;
    expect(lakare.shownWith).toBe('Leg. läkare Anna Berg');
    expect(views.find((v) => v.booking.id === 'tolvan-ljusbehandling')!.shownWith).toBe('Ljusbehandlingsrummet');
  });

  it('lists open invitations with their state: started, not yet started, expired', async () => {
    env = freshTidbok();
    const views = await env.service.myInvitations(TOLVAN, TEST_NOW);
    expect(Object.fromEntries(views.map((v) => [v.invitation.id, codeOf(v.state)]))).toEqual({
      'tolvan-underlag-hud': 'ok',
      'tolvan-underlag-mammografi': 'invitation_not_started',
      'tolvan-underlag-diabetes-gammalt': 'invitation_expired',
    });
  });

  it('offers only care services open for online booking at units inside the service', async () => {
    env = freshTidbok();
    const offered = (await env.service.bookableServices()).map((o) => o.service.id);
    expect(offered).toEqual(
      expect.arrayContaining([
        'fyrisdal-provtagning',
        'fyrisdal-vaccination',
        'savjaberg-vaccination',
        'eriksdal-nybesok',
        'blod-blodgivning',
      ]),
    );
    for (const excluded of [
      'fyrisdal-diabetes',
      'hud-nybesok',
      'hud-ljusbehandling',
      'akuten-besok',
      'mvc-inskrivning',
      'beroende-samtal',
      'tand-undersokning',
      'rattspsyk-besok',
      'rontgen-mammografi',
      'dropin-provtagning',
      'eriksdal-aterbesok',
    ]) {
      expect(offered).not.toContain(excluded);
    }
  });

  it('finds free slots inside notice and horizon, narrowed by a wish', async () => {
    env = freshTidbok();
    const result = await env.service.freeSlots(
      TOLVAN,
      { kind: 'open', careServiceId: 'fyrisdal-lakarbesok' },
      { partOfDay: 'afternoon', weekday: 3 },
      TEST_NOW,
    );
    expect(result.ok).toBe(true);
    const slots = result.ok ? result.value : [];
    expect(slots.length).toBeGreaterThan(0);
    for (const s of slots) {
      const hour = Number(s.start.slice(11, 13));
      expect(hour).toBeGreaterThanOrEqual(12);
      expect(new Date(s.start).getUTCDay()).toBe(3);
    }
  });

  it('keeps invitation slots inside the window and refuses an invitation not yet started', async () => {
    env = freshTidbok();
    const inWindow = await env.service.freeSlots(
      TOLVAN,
      { kind: 'invitation', invitationId: 'tolvan-underlag-hud' },
      {},
      TEST_NOW,
    );
    expect(
      inWindow.ok &&
        inWindow.value.every((s) => s.careServiceId === 'hud-nybesok' && s.start.slice(0, 10) <= '2026-12-31'),
    ).toBe(true);
    expect(inWindow.ok && inWindow.value.length).toBeGreaterThan(0);
    const notYet = await env.service.freeSlots(
      TOLVAN,
      { kind: 'invitation', invitationId: 'tolvan-underlag-mammografi' },
      {},
      TEST_NOW,
    );
    expect(notYet).toMatchObject({
      ok: false,
      rejection: { code: 'invitation_not_started', earliestDate: '2026-12-15' },
    });
  });

  it('re-checks the rules when writing: cancel, rebook, book and book with an invitation', async () => {
    env = freshTidbok();
    const s = env.service;
    expect(codeOf(await s.cancel(TOLVAN, 'tolvan-fysio-serie-1', { termsAccepted: true }, TEST_NOW))).toBe(
      'series_booking',
    );
    expect(codeOf(await s.cancel(TOLVAN, 'tolvan-beroende', { termsAccepted: true }, TEST_NOW))).toBe(
      'booking_not_found',
    );
    expect(codeOf(await s.cancel(TOLVAN, 'tolvan-hud-aterbesok', { termsAccepted: false }, TEST_NOW))).toBe(
      'terms_not_accepted',
    );
    expect(
      codeOf(
        await s.cancel(TOLVAN, 'tolvan-hud-aterbesok', { termsAccepted: true, reason: 'x'.repeat(151) }, TEST_NOW),
      ),
    ).toBe('reason_too_long');
    expect(codeOf(await s.cancel(TOLVAN, 'tolvan-lakarbesok', { termsAccepted: false }, TEST_NOW))).toBe('ok');
    expect(codeOf(await s.cancel(TOLVAN, 'tolvan-lakarbesok', { termsAccepted: false }, TEST_NOW))).toBe(
      'booking_not_found',
    );

    const lakartider = await s.freeSlots(TOLVAN, { kind: 'open', careServiceId: 'fyrisdal-lakarbesok' }, {}, TEST_NOW);
    const first = lakartider.ok ? lakartider.value[0]! : undefined;
    expect(codeOf(await s.book(TOLVAN, first!.id, { termsAccepted: false }, TEST_NOW))).toBe('reason_required');
    expect(codeOf(await s.book(TOLVAN, first!.id, { termsAccepted: false, reason: 'Ont i knät' }, TEST_NOW))).toBe(
      'ok',
    );
    expect(codeOf(await s.book('191111111111', first!.id, { termsAccepted: false, reason: 'Hosta' }, TEST_NOW))).toBe(
      'slot_taken',
    );
    expect(codeOf(await s.book(TOLVAN, 'no-such-slot', { termsAccepted: false }, TEST_NOW))).toBe('slot_not_found');

    const hud = await s.freeSlots(TOLVAN, { kind: 'invitation', invitationId: 'tolvan-underlag-hud' }, {}, TEST_NOW);
    const hudSlot = hud.ok ? hud.value[0]! : undefined;
    expect(codeOf(await s.book(TOLVAN, hudSlot!.id, { termsAccepted: true }, TEST_NOW))).toBe('invitation_required');
    expect(
      codeOf(await s.bookInvitation(TOLVAN, 'tolvan-underlag-hud', hudSlot!.id, { termsAccepted: true }, TEST_NOW)),
    ).toBe('ok');
    expect(
      codeOf(
        await s.bookInvitation(
          TOLVAN,
          'tolvan-underlag-hud',
          hud.ok ? hud.value[1]!.id : '',
          { termsAccepted: true },
          TEST_NOW,
        ),
      ),
    ).toBe('invitation_used');
    expect(
      codeOf(await s.bookInvitation(TOLVAN, 'no-such-invitation', hudSlot!.id, { termsAccepted: true }, TEST_NOW)),
    ).toBe('invitation_not_found');
    expect((await s.myInvitations(TOLVAN, TEST_NOW)).map((v) => v.invitation.id)).not.toContain('tolvan-underlag-hud');

    const hudAter = await s.freeSlots(TOLVAN, { kind: 'rebook', bookingId: 'tolvan-hud-aterbesok' }, {}, TEST_NOW);
    const newTime = hudAter.ok ? hudAter.value[0]! : undefined;
    expect(
      codeOf(await s.rebook(TOLVAN, 'tolvan-hud-aterbesok', newTime!.id, { termsAccepted: false }, TEST_NOW)),
    ).toBe('terms_not_accepted');
    expect(codeOf(await s.rebook(TOLVAN, 'tolvan-hud-aterbesok', newTime!.id, { termsAccepted: true }, TEST_NOW))).toBe(
      'ok',
    );
    expect(codeOf(await s.rebook(TOLVAN, 'tolvan-halsosamtal', newTime!.id, { termsAccepted: true }, TEST_NOW))).toBe(
      'rebook_not_online',
    );
  });

  it('lets a resident hold as many coming times of one care service as the konfiguration allows, and says so before times are shown', async () => {
    env = freshTidbok();
    const s = env.service;
    const free = await s.freeSlots(TOLVAN, { kind: 'open', careServiceId: 'blod-blodgivning' }, {}, TEST_NOW);
    // Times weeks ahead, so that they can be cancelled again.
    const [a, b, c] = free.ok ? free.value.slice(-3) : [];
    expect(codeOf(await s.book(TOLVAN, a!.id, { termsAccepted: true }, TEST_NOW))).toBe('ok');
    expect(codeOf(await s.book(TOLVAN, b!.id, { termsAccepted: true }, TEST_NOW))).toBe('ok');
    const third = await s.book(TOLVAN, c!.id, { termsAccepted: true }, TEST_NOW);
    expect(third).toMatchObject({ ok: false, rejection: { code: 'too_many_bookings', max: 2 } });
    expect(codeOf(await s.freeSlots(TOLVAN, { kind: 'open', careServiceId: 'blod-blodgivning' }, {}, TEST_NOW))).toBe(
      'too_many_bookings',
    );
    // Another resident is not affected, and cancelling one makes room again.
    expect(codeOf(await s.book('191111111111', c!.id, { termsAccepted: true }, TEST_NOW))).toBe('ok');
    const mine = (await s.myBookings(TOLVAN, TEST_NOW)).filter((v) => v.service.id === 'blod-blodgivning');
    expect(codeOf(await s.cancel(TOLVAN, mine[0]!.booking.id, { termsAccepted: true }, TEST_NOW))).toBe('ok');
    expect(codeOf(await s.freeSlots(TOLVAN, { kind: 'open', careServiceId: 'blod-blodgivning' }, {}, TEST_NOW))).toBe(
      'ok',
    );
  });

  it('makes a keyed write once: repeating it reports the first result and changes nothing more', async () => {
    env = freshTidbok();
    const s = env.service;
    const free = await s.freeSlots(TOLVAN, { kind: 'open', careServiceId: 'blod-blodgivning' }, {}, TEST_NOW);
    const slot = free.ok ? free.value.at(-1) : undefined;
    const input = { termsAccepted: true, writeKey: 'conversation-1#7#commit#1' };
    const first = await s.book(TOLVAN, slot!.id, input, TEST_NOW);
    const again = await s.book(TOLVAN, slot!.id, input, TEST_NOW);
    expect(first.ok && again.ok && again.value.id === first.value.id).toBe(true);
    expect((await s.myBookings(TOLVAN, TEST_NOW)).filter((v) => v.booking.slotId === slot!.id)).toHaveLength(1);
    // The same key from another resident is not theirs: no booking of someone else's is reported.
    expect(codeOf(await s.book('191111111111', slot!.id, input, TEST_NOW))).toBe('slot_taken');

    const cancelInput = { termsAccepted: true, writeKey: 'conversation-1#9#cancel#1' };
    const bookingId = first.ok ? first.value.id : '';
    expect(codeOf(await s.cancel(TOLVAN, bookingId, cancelInput, TEST_NOW))).toBe('ok');
    expect(codeOf(await s.cancel(TOLVAN, bookingId, cancelInput, TEST_NOW))).toBe('ok');
    expect(codeOf(await s.cancel(TOLVAN, bookingId, { termsAccepted: true }, TEST_NOW))).toBe('booking_not_found');
  });
});
