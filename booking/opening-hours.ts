import type { OpeningHours } from './types.js';

// Opening hours as one plain string, so that a rejection (whose fields are strings and
// numbers a text can show) can carry them: "1,2,3,4,5 07:30-12:00; 6 10:00-14:00". The
// content's `openinghours` format writes them in words.

export const encodeOpeningHours = (hours: readonly OpeningHours[]): string =>
  hours.map((h) => `${h.weekdays.join(',')} ${h.from}-${h.to}`).join('; ');

export function decodeOpeningHours(text: string): OpeningHours[] {
  return text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .flatMap((part) => {
      const match = /^([1-7](?:,[1-7])*) (\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(part);
      if (!match) return [];
      const [, days = '', from = '', to = ''] = match;
      return [{ weekdays: days.split(',').map(Number), from, to }];
    });
}
