import { describe, expect, it } from 'vitest';
import type { BookingService } from '../../booking/booking-service.js';
import { BookingSystemTimeout, timedBookingEffects } from '../../bot/booking-effects.js';
import { Clock } from '../../bot/clock.js';

describe('calls to the booking system', () => {
  it('give up after the timeout instead of leaving the resident waiting', async () => {
    const never = new Promise<never>(() => {});
    const slow = { myBookings: () => never, myBooking: () => never, cancel: () => never } as unknown as BookingService;
    const effects = timedBookingEffects(slow, new Clock('2026-12-01T09:00'), 50);
    const started = Date.now();
    await expect(effects.listBookings({ patientId: '191212121212' })).rejects.toBeInstanceOf(BookingSystemTimeout);
    await expect(
      effects.cancelBooking({ patientId: '191212121212', bookingId: 'b', termsAccepted: true }),
    ).rejects.toBeInstanceOf(BookingSystemTimeout);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
