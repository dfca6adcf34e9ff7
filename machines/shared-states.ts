// State configurations that several flows share, by the names of their guards and
// actions. A machine using one must define those names in its setup().

/** Asking for a reason: skip (if optional), too long (asked again), blank (asked again), or kept. */
/** `said`: what a message that is no reason does here («nej, hellre på torsdag» searches again when choosing a time). */
export const askingReasonState = <S extends string, N extends string, T = never>(self: S, next: N, said?: T) =>
  ({
    tags: 'awaitingUser',
    entry: 'promptReason',
    on: {
      ...(said === undefined ? {} : { 'user.said': said }),
      'user.chose': { guard: 'isSkip', target: next },
      'user.text': [
        { guard: 'isTooLong', target: self, reenter: true, actions: 'sayTooLong' },
        { guard: 'isBlank', target: self, reenter: true },
        { target: next, actions: ['keepReason', 'reportProgress'] },
      ],
    },
  }) as const;

/** A villkorstext to accept: accepted goes on, declined ends. */
export const termsState = <A extends string, D extends string>(accepted: A, declined: D) =>
  ({
    tags: 'awaitingUser',
    entry: 'promptTerms',
    on: {
      'user.confirmed': { target: accepted, actions: 'acceptTerms' },
      'user.declined': { target: declined, actions: 'sayDeclined' },
    },
  }) as const;
