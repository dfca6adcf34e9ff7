import { formatOpeningHours } from '../content/format.js';
import { findPhrase, normalize, tokens } from '../content/words.js';
import type { Understanding } from '../machines/events.js';
import { t, type Reply, type TextRef } from '../machines/reply.js';
import type { Lexicon, UnitAspect, UnitFacts } from './lexicon.js';

// Questions about a unit, answered from its data: «var ligger vårdcentralen fyrisdal?»,
// «vilket nummer har hudmottagningen?», «när öppnar de?» about the unit of the booking
// under discussion. Confidential units are not in the lexicon, so they are never named.

/** At most this many units in one answer («vårdcentralen» may name several). */
const MOST = 3;

const ASPECTS: readonly UnitAspect[] = ['address', 'phone', 'hours', 'web'];

function line(unit: UnitFacts, aspect: UnitAspect): TextRef | undefined {
  switch (aspect) {
    case 'address':
      return unit.address ? t('unit.address', { address: unit.address }) : undefined;
    case 'phone':
      return t('unit.phone', { phone: unit.phone });
    case 'hours':
      return unit.openingHours ? t('unit.hours', { hours: formatOpeningHours(unit.openingHours) }) : undefined;
    case 'web':
      return unit.web ? t('unit.web', { web: unit.web }) : undefined;
  }
}

/** One unit as a card: its name, then what was asked (everything when nothing in particular). */
function card(unit: UnitFacts, asked: readonly UnitAspect[]): Reply {
  const wanted = asked.length > 0 ? asked : ASPECTS;
  const lines = wanted.map((a) => line(unit, a)).filter((l): l is TextRef => l !== undefined);
  // What is not known is said, with the number to ask instead.
  const missing = wanted.filter((a) => line(unit, a) === undefined);
  const unknown = missing.length > 0 && asked.length > 0 ? [t('unit.unknown', { phone: unit.phone })] : [];
  const phone = lines.length === 0 ? [t('unit.phone', { phone: unit.phone })] : [];
  return { parts: [t('unit.name', { unit: unit.name }), ...lines, ...phone, ...unknown], card: 'booking' };
}

/** Which facts a question asks for: «var ligger» the address, «nummer» the phone. */
export function aspectsAsked(text: string, lex: Lexicon): UnitAspect[] {
  const words = tokens(normalize(text));
  return ASPECTS.filter((a) => lex.unitQuestions[a].some((p) => findPhrase(words, p) >= 0));
}

/** Whether a message asks for a fact about a unit: its address, phone, hours or web page. */
export const asksForFact = (text: string, lex: Lexicon): boolean => aspectsAsked(text, lex).length > 0;

/**
 * The answer to a question about a unit: the units named, or else the one under
 * discussion; without either, which unit the resident means is asked for.
 */
export function unitAnswer(text: string, u: Understanding, lex: Lexicon, about?: string): Reply[] {
  const isAbout = (x: UnitFacts) => x.hsaId.toLowerCase() === about?.toLowerCase();
  const named = lex.units.filter((x) => u.unitHsaIds.includes(x.hsaId));
  // «vilket nummer har vårdcentralen» names two; the one under discussion is meant.
  const units =
    named.length > 1 && named.some(isAbout)
      ? named.filter(isAbout)
      : named.length > 0
        ? named
        : lex.units.filter(isAbout);
  if (units.length === 0) return [{ parts: [t('unit.which')] }];
  const asked = aspectsAsked(text, lex);
  return units.slice(0, MOST).map((unit) => card(unit, asked));
}
