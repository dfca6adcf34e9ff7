import { eld } from 'eld/small';

// Which language a message is written in, Swedish or English, by eld's n-gram detector
// restricted to those two. Short messages ("ok", "help", "influensa") say too little to
// tell: they count as Swedish, and the bot answers in Swedish as usual.

export type Language = 'sv' | 'en';

eld.setLanguageSubset(['sv', 'en']);

export function languageOf(text: string): Language {
  // One word says too little («influensa», «ok»): Swedish, as the bot answers anyway.
  if (text.trim().split(/\s+/).length < 2) return 'sv';
  const result = eld.detect(text);
  if (result.language !== 'en' || !result.isReliable()) return 'sv';
  const scores = result.getScores();
  // A Swedish sentence full of loanwords can score high for English too.
  return (scores.en ?? 0) - (scores.sv ?? 0) >= 0.15 ? 'en' : 'sv';
}
