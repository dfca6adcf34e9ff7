import type { Lexicon } from './lexicon.js';

// Numbers as residents write them at a question that asks for one (an age): figures, words,
// and a ten and a unit together or apart («sjuttiofem», «sjuttio fem år»).

const isTens = (n: number | undefined): n is number => n !== undefined && n >= 20 && n < 100 && n % 10 === 0;
const isUnit = (n: number | undefined): n is number => n !== undefined && n >= 1 && n <= 9;

/** A number word, also a ten and a unit written together: «sjuttiofem», «fyrtiotvå». */
function numberWord(word: string, lex: Lexicon): number | undefined {
  const whole = /^\d{1,3}$/.test(word) ? Number(word) : lex.numbers.get(word);
  if (whole !== undefined) return whole;
  for (const [tensWord, tens] of lex.numbers) {
    const unit = word.startsWith(tensWord) ? lex.numbers.get(word.slice(tensWord.length)) : undefined;
    if (isTens(tens) && isUnit(unit)) return tens + unit;
  }
  return undefined;
}

/** 45, «45 år», «tre», «sjuttiofem», «sjuttio fem år»; undefined when it says none or two. */
export function numberIn(words: readonly string[], lex: Lexicon): number | undefined {
  const numbers: number[] = [];
  let previous: number | undefined;
  // «en», «ett» are numbers only alone («ett», «ett år»): «jag är en pensionär» says no age.
  const alone = words.filter((w) => w !== 'ar' && w !== 'years').length === 1;
  for (const word of words) {
    const n = lex.padding.has(word) && !alone ? undefined : numberWord(word, lex);
    // «sjuttio fem»: a ten right before a unit is one number.
    if (isTens(previous) && isUnit(n)) numbers[numbers.length - 1] = previous + n;
    else if (n !== undefined) numbers.push(n);
    previous = n;
  }
  return numbers.length === 1 ? numbers[0] : undefined;
}
