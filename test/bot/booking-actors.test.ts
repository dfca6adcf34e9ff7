import { describe, expect, it } from 'vitest';
import type { BookingService } from '../../booking/booking-service.js';
import { bookingActors, BookingSystemTimeout } from '../../bot/booking-actors.js';
import { Clock } from '../../bot/clock.js';

describe('calls to the booking system', () => {
  it('give up after the timeout instead of leaving the resident waiting', async () => {
    const never = new Promise<never>(() => {});
    const slow = { myBookings: () => never, cancel: () => never } as unknown as BookingService;
    const actors = bookingActors(slow, new Clock('2026-12-01T09:00'), 50);
    const started = Date.now();
    await expect(actors.listBookings({ patientId: '191212121212' })).rejects.toBeInstanceOf(BookingSystemTimeout);
    await expect(actors.cancelBooking({ patientId: '191212121212', bookingId: 'b', termsAccepted: true })).rejects.toBeInstanceOf(BookingSystemTimeout);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
