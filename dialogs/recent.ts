import type { DateTime } from 'luxon';
import { ZONE } from '../booking/time.js';

// Residents send the same short messages again and again («ja», «2», «avboka», «visa
// mina tider»). What such a message means depends only on its text, the understanding
// (the model, which a content reload replaces) and the local day (for «i morgon»), so
// the answer is remembered for the rest of the day, frozen, and shared.

/** Longer messages are rarely sent twice; they are read every time. */
const SHORT = 80;
/** Messages remembered per model and day before the memory starts over */
const LIMIT = 5_000;

interface Memory<V> {
  day: string;
  seen: Map<string, V>;
}

function deepFreeze<V>(value: V): V {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** `read` with its answers for short texts remembered per owner (the model) and local day. */
export function rememberedPerDay<O extends object, V>(
  read: (text: string, now: DateTime, owner: O) => Promise<V>,
): (text: string, now: DateTime, owner: O) => Promise<V> {
  const memories = new WeakMap<O, Memory<V>>();
  return async (text, now, owner) => {
    if (text.length > SHORT) return read(text, now, owner);
    const local = now.setZone(ZONE);
    const day = `${local.year}-${local.month}-${local.day}`;
    let memory = memories.get(owner);
    if (!memory || memory.day !== day) memories.set(owner, (memory = { day, seen: new Map<string, V>() }));
    return recall(memory.seen, text, () => read(text, now, owner));
  };
}

/** `read` with its answers for short texts remembered per owner (the model), whatever the day. */
export function rememberedPerModel<O extends object, V>(
  read: (text: string, owner: O) => Promise<V>,
): (text: string, owner: O) => Promise<V> {
  const memories = new WeakMap<O, Map<string, V>>();
  return async (text, owner) => {
    if (text.length > SHORT) return read(text, owner);
    let seen = memories.get(owner);
    if (!seen) memories.set(owner, (seen = new Map<string, V>()));
    return recall(seen, text, () => read(text, owner));
  };
}

async function recall<V>(seen: Map<string, V>, text: string, read: () => Promise<V>): Promise<V> {
  if (seen.has(text)) return seen.get(text) as V;
  const value = deepFreeze(await read());
  if (seen.size >= LIMIT) seen.clear();
  seen.set(text, value);
  return value;
}
