import { describe, expect, it } from 'vitest';
import { languageOf } from '../../dialogs/language.js';

describe('telling English from Swedish', () => {
  it.each([
    ['Hi, I want to cancel my appointment', 'en'],
    ['can I move my appointment to next week', 'en'],
    ['influensa', 'sv'],
    ['ok', 'sv'],
    ['jag vill boka en tid hos läkaren', 'sv'],
    ['boka tid för vaccination mot influensa', 'sv'],
  ] as const)('"%s" is %s', (text, language) => expect(languageOf(text)).toBe(language));
});
