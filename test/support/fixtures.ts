import { DateTime } from 'luxon';
import type { Booking, CareService, Invitation, ServiceRules, Slot, Unit } from '../../booking/types.js';

export const ZONE = 'Europe/Stockholm';
export const at = (local: string): DateTime => DateTime.fromISO(local, { zone: ZONE });
export const iso = (local: string): string => at(local).toISO({ suppressMilliseconds: true })!;

export const unit = (over: Partial<Unit> = {}): Unit => ({
  hsaId: 'SE2321000016-TEST1',
  name: 'Vårdcentralen Test',
  kind: 'primary-care',
  bookingSystem: 'Cosmic',
  phone: '018-000 00 00',
  confidential: false,
  specialHandling: false,
  hasBookingBook: true,
  synonyms: [],
  ...over,
});

export const service = (over: Partial<CareService> = {}): CareService => ({
  id: 'test-lakarbesok',
  unitHsaId: 'SE2321000016-TEST1',
  name: 'Läkarbesök',
  careTypeName: 'Läkarbesök',
  durationMinutes: 30,
  specialHandling: false,
  resourceCount: 1,
  hiddenFromFreeChoice: false,
  synonyms: [],
  ...over,
});

export const rules = (over: Partial<ServiceRules> = {}): ServiceRules => ({
  onlineBooking: 'open',
  mayRebook: true,
  mayCancel: true,
  changeDeadlineHours: 24,
  minNoticeHours: 2,
  horizonDays: 42,
  maxActiveBookings: 2,
  terms: {},
  askReason: {},
  reasonMaxLength: 150,
  ...over,
});

export const booking = (over: Partial<Booking> = {}): Booking => ({
  id: 'b1',
  patientId: '191212121212',
  unitHsaId: 'SE2321000016-TEST1',
  careServiceId: 'test-lakarbesok',
  start: iso('2026-12-10T10:00'),
  end: iso('2026-12-10T10:30'),
  status: 'booked',
  resourceCount: 1,
  ...over,
});

export const slot = (over: Partial<Slot> = {}): Slot => ({
  id: 's1',
  unitHsaId: 'SE2321000016-TEST1',
  careServiceId: 'test-lakarbesok',
  start: iso('2026-12-10T10:00'),
  end: iso('2026-12-10T10:30'),
  ...over,
});

export const invitation = (over: Partial<Invitation> = {}): Invitation => ({
  id: 'i1',
  patientId: '191212121212',
  unitHsaId: 'SE2321000016-TEST1',
  careServiceId: 'test-lakarbesok',
  earliestDate: '2026-12-01',
  latestDate: '2026-12-31',
  purpose: 'Boka ett återbesök.',
  ...over,
});
