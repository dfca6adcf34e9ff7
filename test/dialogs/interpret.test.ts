import { beforeAll, describe, expect, it } from 'vitest';
import { interpret } from '../../dialogs/interpret.js';
import type { UnderstandingModel } from '../../dialogs/understanding-model.js';
import { choice, t, type Choice, type Reply } from '../../machines/reply.js';
import { at } from '../support/fixtures.js';
import { shippedModel } from '../support/tidbok.js';

let model: UnderstandingModel;
beforeAll(async () => {
  model = await shippedModel();
});
const NOW = at('2026-12-01T09:00');
const labels: Record<string, string> = {
  view: 'Mina bokade tider',
  cancel: 'Avboka en tid',
  rebook: 'Boka om en tid',
  yes: 'Ja, avboka',
  no: 'Nej, behåll tiden',
  switchYes: 'Ja, byt',
  switchNo: 'Nej, fortsätt',
  resumeYes: 'Ja, fortsätt',
  resumeNo: 'Nej, avsluta',
};
const labelOf = (c: Choice) => labels[c.value] ?? c.value;
const menu: Reply = {
  parts: [],
  choices: ['view', 'cancel', 'rebook'].map((v) => choice(v, `choice.menu.${v}`)),
  expects: 'choice',
};
const confirm: Reply = { parts: [], choices: [choice('yes', 'x'), choice('no', 'y')], expects: 'yesno' };
const reason: Reply = { parts: [], choices: [choice('skip', 'Hoppa över')], expects: 'text' };
const run = (text: string, prompt: Reply, value?: unknown, seq = 3) =>
  interpret({ text, value }, { prompt, seq }, { labelOf, model, now: NOW });

describe('interpreting an answer in the light of the question', () => {
  it.each([
    ['Avboka en tid', menu, { type: 'user.chose', value: 'cancel' }],
    ['avboka en tid', menu, { type: 'user.chose', value: 'cancel' }],
    ['2', menu, { type: 'user.chose', value: 'cancel' }],
    ['nummer 3', menu, { type: 'user.chose', value: 'rebook' }],
    ['den andra', menu, { type: 'user.chose', value: 'cancel' }],
    ['andra', menu, { type: 'user.chose', value: 'cancel' }],
    ['bokade', menu, { type: 'user.chose', value: 'view' }],
    ['ja', confirm, { type: 'user.confirmed' }],
    ['JA TACK', confirm, { type: 'user.confirmed' }],
    ['nej', confirm, { type: 'user.declined' }],
    ['Ja, avboka', confirm, { type: 'user.confirmed' }],
    ['Jag har blivit frisk', reason, { type: 'user.text', text: 'Jag har blivit frisk' }],
    ['jaa', confirm, { type: 'user.confirmed' }],
    ['nope', confirm, { type: 'user.declined' }],
    ['the first one', menu, { type: 'user.chose', value: 'view' }],
    ['number 2', menu, { type: 'user.chose', value: 'cancel' }],
    ['the third', menu, { type: 'user.chose', value: 'rebook' }],
  ])('"%s"', async (text, prompt, event) => expect(await run(text, prompt)).toMatchObject({ kind: 'event', event }));

  it('reads a yes/no answer by the words of its buttons: «fortsätt» is not «avbryt»', async () => {
    const labelled = (yes: string, no: string): Reply => ({
      parts: [],
      choices: [choice('yes', yes), choice('no', no)],
      expects: 'yesno',
    });
    const switching = labelled('switchYes', 'switchNo');
    const resuming = labelled('resumeYes', 'resumeNo');
    const byKey = (c: Choice) => labels[c.label.key] ?? c.value;
    const ask = (text: string, prompt: Reply) =>
      interpret({ text }, { prompt, seq: 1 }, { labelOf: byKey, model, now: NOW });
    expect(await ask('fortsätt', switching)).toMatchObject({ event: { type: 'user.declined' } });
    expect(await ask('byt', switching)).toMatchObject({ event: { type: 'user.confirmed' } });
    expect(await ask('fortsätt', resuming)).toMatchObject({ event: { type: 'user.confirmed' } });
    expect(await ask('avsluta', resuming)).toMatchObject({ event: { type: 'user.declined' } });
    expect(await ask('nope fortsätt', switching)).toMatchObject({ event: { type: 'user.declined' } });
    expect(await ask('nej fortsätt', switching)).toMatchObject({ event: { type: 'user.declined' } });
    expect(await ask('ja byt', switching)).toMatchObject({ event: { type: 'user.confirmed' } });
    expect(await ask('jaa fortsätt', resuming)).toMatchObject({ event: { type: 'user.confirmed' } });
  });

  it('takes «tillbaka» as the button that says it, and as going back where none does', async () => {
    const list: Reply = {
      parts: [],
      choices: [choice('b1', 'x'), choice('menu', 'y')],
      expects: 'choice',
    };
    const withBack = (c: Choice) => (c.value === 'menu' ? 'Tillbaka till menyn' : 'måndag 7 december kl. 9.30');
    expect(
      await interpret({ text: 'tillbaka' }, { prompt: list, seq: 1 }, { labelOf: withBack, model, now: NOW }),
    ).toMatchObject({ event: { type: 'user.chose', value: 'menu' } });
    expect(await run('tillbaka', menu)).toMatchObject({ event: { type: 'user.back' } });
  });

  it('takes small words that begin a label as that choice: «mig» is «Mig själv», «tack» is not «Nej tack»', async () => {
    const who: Reply = { parts: [], choices: [choice('me', 'a'), choice('child', 'b')], expects: 'choice' };
    const whoLabel = (c: Choice) => (c.value === 'me' ? 'Mig själv' : 'Ett barn');
    const ask = (text: string, prompt: Reply, labelOf: (c: Choice) => string) =>
      interpret({ text }, { prompt, seq: 1 }, { labelOf, model, now: NOW });
    expect(await ask('mig', who, whoLabel)).toMatchObject({ event: { type: 'user.chose', value: 'me' } });
    const offer: Reply = { parts: [], choices: [choice('yes', 'a'), choice('no', 'b')], expects: 'choice' };
    const offerLabel = (c: Choice) => (c.value === 'yes' ? 'Ja tack' : 'Nej tack');
    expect(await ask('tack', offer, offerLabel)).not.toMatchObject({ event: { type: 'user.chose' } });
  });

  it('takes a yes as the one thing listed, and «den sista» as the last of them', async () => {
    const slot = (id: string) => choice(id, 'choice.slot', { start: '2026-12-02T09:00:00+01:00' });
    const labelled = (c: Choice) => (c.label.key === 'choice.slot' ? `tid ${c.value}` : c.value);
    const ask = (text: string, prompt: Reply) =>
      interpret({ text }, { prompt, seq: 1 }, { labelOf: labelled, model, now: NOW });
    const one: Reply = { parts: [], choices: [slot('s1'), choice('more', 'choice.more')], expects: 'choice' };
    expect(await ask('den tiden passar bra', one)).toMatchObject({ event: { type: 'user.chose', value: 's1' } });
    const three: Reply = {
      parts: [],
      choices: [slot('s1'), slot('s2'), slot('s3'), choice('more', 'choice.more')],
      expects: 'choice',
    };
    expect(await ask('den sista', three)).toMatchObject({ event: { type: 'user.chose', value: 's3' } });
    expect(await ask('den tiden passar bra', three)).not.toMatchObject({ event: { type: 'user.chose' } });
  });

  it('takes a button value over the text, and notices a button of an earlier question', async () => {
    expect(await run('Avboka en tid', menu, { choice: 'cancel', prompt: 3 })).toEqual({
      kind: 'event',
      event: { type: 'user.chose', value: 'cancel' },
    });
    expect(await run('Avboka en tid', menu, { choice: 'cancel', prompt: 2 })).toEqual({ kind: 'stale' });
    expect(await run('', confirm, { choice: 'yes' })).toEqual({ kind: 'event', event: { type: 'user.confirmed' } });
  });

  it('understands the global commands anywhere, also politely padded', async () => {
    for (const [text, command] of [
      ['avbryt', 'abort'],
      ['Avbryt tack', 'abort'],
      ['börja om', 'restart'],
      ['meny', 'menu'],
      ['hjälp', 'help'],
      ['hjalp', 'help'],
      ['logga ut', 'logout'],
    ] as const) {
      for (const prompt of [menu, confirm, reason])
        expect(await run(text, prompt)).toMatchObject({ kind: 'global', command });
    }
  });

  it('takes a reason written in words as the reason, even when it sounds like a command', async () => {
    const text = 'jag vill inte komma eftersom jag har blivit frisk igen';
    expect(await run(text, reason)).toMatchObject({ kind: 'event', event: { type: 'user.text', text } });
  });

  it('lets free text through with what it understood', async () => {
    const r = await run('kan jag flytta tiden på tisdag?', menu);
    expect(r).toMatchObject({
      kind: 'event',
      event: { type: 'user.said', understanding: { intent: 'rebook', wish: { weekday: 2 } } },
    });
  });
});

describe('a yes that says more than yes', () => {
  // Found by a new user: «den 10:e» at «Vill du boka … tisdag 1 december kl. 8.00?» booked the 1st.
  it.each([
    'den 10:e',
    'den 15e',
    'den tionde',
    'den femtonde',
    'ja den 10:e',
    'hellre den 10:e',
    'ja, den 3 december',
  ])('never confirms on "%s": a day or a number is not a yes', async (text) => {
    const read = await run(text, confirm);
    expect(read).not.toMatchObject({ event: { type: 'user.confirmed' } });
  });

  it.each(['ja', 'ja tack', 'japp', 'Ja, avboka', 'absolut, gör det'])('still confirms on "%s"', async (text) => {
    expect(await run(text, confirm)).toMatchObject({ event: { type: 'user.confirmed' } });
  });

  it('takes a no with a day as a no (nothing is done)', async () => {
    expect(await run('nej, den 10:e', confirm)).toMatchObject({ event: { type: 'user.declined' } });
  });
});

describe('a reason that mentions going back', () => {
  it('takes a written reason as the reason, also with «tillbaka» or «sen» in it', async () => {
    for (const text of [
      'ont i ryggen sen förra veckan, blir inte bättre',
      'vill komma tillbaka för uppföljning av blodtrycket',
    ])
      expect(await run(text, reason)).toMatchObject({ event: { type: 'user.text', text } });
    expect(await run('tillbaka', reason)).toMatchObject({ event: { type: 'user.back' } });
  });
});

describe('a no in the resident’s own words at a yes/no question', () => {
  // Found by a new user: «nej, jag vill ha en annan tid» at «Vill du boka …?» got «Svara ja eller nej».
  it.each(['nej, jag vill ha en annan tid', 'nej, inte den tiden', 'nä hellre en annan', 'no, another one please'])(
    'takes "%s" as a no',
    async (text) => expect(await run(text, confirm)).toMatchObject({ event: { type: 'user.declined' } }),
  );

  it('passes a no with a new wish on, so that the question can take the wish', async () => {
    const read = await run('nej, kl 14 passar bättre', confirm);
    expect(read).toMatchObject({ event: { type: 'user.said', understanding: { wish: { timeFrom: '14:00' } } } });
  });

  it('lets a no that names another errand ask to switch to it, and «nej avbryt» abort', async () => {
    expect(await run('nej, jag vill avboka i stället', confirm)).toMatchObject({
      event: { type: 'user.said', understanding: { intent: 'cancel' } },
    });
    expect(await run('nej avbryt', confirm)).toMatchObject({ kind: 'global', command: 'abort' });
  });
});

describe('help asked for, and help mentioned in a reason', () => {
  it('takes «hjälp» as the command, and «behöver hjälp med knät» as the reason', async () => {
    expect(await run('hjälp', reason)).toMatchObject({ kind: 'global', command: 'help' });
    expect(await run('hjälp mig', reason)).toMatchObject({ kind: 'global', command: 'help' });
    const text = 'behöver hjälp med knät';
    expect(await run(text, reason)).toMatchObject({ event: { type: 'user.text', text } });
  });
});

describe('a number written in words, as an age', () => {
  const age: Reply = { parts: [], expects: 'number' };
  // Found by a new user: «sjuttio» at «Hur gammal är den som ska ha tiden?» was not understood.
  it.each([
    ['sjuttio', 70],
    ['sjuttiofem', 75],
    ['sjuttio fem år', 75],
    ['han är fyrtiotvå', 42],
    ['jag är åttioåtta år', 88],
    ['attiotre', 83],
    ['femton', 15],
    ['sjutti', 70],
    ['hundra', 100],
    ['45 år', 45],
    ['tre', 3],
  ])('reads "%s" as %i', async (text, value) =>
    expect(await run(text, age)).toMatchObject({ event: { type: 'user.number', value } }),
  );

  it.each(['jag är en pensionär', 'vad kostar ett besök?', 'hur lång tid tar ett besök'])(
    'finds no age in "%s", where «en» and «ett» are articles',
    async (text) => expect(await run(text, age)).not.toMatchObject({ event: { type: 'user.number' } }),
  );

  it('reads «ett» and «ett år» alone as 1', async () => {
    for (const text of ['ett', 'ett år', 'en'])
      expect(await run(text, age)).toMatchObject({ event: { type: 'user.number', value: 1 } });
  });

  it('does not guess between two numbers', async () => {
    expect(await run('sjuttio eller sjuttioett', age)).not.toMatchObject({ event: { type: 'user.number' } });
  });
});

describe('a clock time typed at a list of times', () => {
  const slotChoice = (id: string, start: string) => choice(id, 'choice.slot', { start });
  const times: Reply = {
    parts: [],
    choices: [
      slotChoice('s8', '2026-12-07T08:00:00+01:00'),
      slotChoice('s9', '2026-12-07T09:00:00+01:00'),
      slotChoice('s10', '2026-12-07T10:00:00+01:00'),
      slotChoice('t10', '2026-12-08T10:00:00+01:00'),
      choice('more', 'choice.moreTimes'),
    ],
    expects: 'choice',
  };
  // Found by a new user: «kl 9» beside «måndag 7 december kl. 9.00» searched again and listed that one time.
  it.each([
    ['kl 9', 's9'],
    ['klockan nio', 's9'],
    ['klockan 08.00', 's8'],
    ['den kl 9 tack', 's9'],
    ['10.00 på måndag', 's10'],
    ['kl 10 på tisdag', 't10'],
  ])('takes "%s" as the one listed time it names', async (text, value) =>
    expect(await run(text, times)).toMatchObject({ event: { type: 'user.chose', value } }),
  );

  it.each(['kl 10', 'halv tio', 'efter kl 9', 'kl 11'])(
    'passes "%s" on as a wish when it names no single listed time',
    async (text) => expect(await run(text, times)).toMatchObject({ event: { type: 'user.said' } }),
  );
});

describe('a yes held up or taken back', () => {
  // Found by a new user: «ja fast är det den på onsdag?» at «Vill du avboka …?» cancelled at once.
  it.each([
    'ja fast är det den på onsdag?',
    'ja gärna men kan jag få en ny tid direkt',
    'ja eller vänta',
    'ja?',
    'ja på onsdag',
    'ja kl 10',
    'yes but wait',
    'ja fast',
  ])('never confirms on "%s"', async (text) => {
    expect(await run(text, confirm)).not.toMatchObject({ event: { type: 'user.confirmed' } });
  });

  it.each(['ja men gärna', 'ja men visst', 'ja tack', 'ja, gör det', 'japp!', 'ja absolut'])(
    'still confirms on "%s"',
    async (text) => expect(await run(text, confirm)).toMatchObject({ event: { type: 'user.confirmed' } }),
  );
});

describe('words an editor gave a questionnaire option', () => {
  const newOrOld: Reply = {
    parts: [],
    choices: [
      { value: 'nya', label: t('x'), words: ['nytt', 'det är nytt', 'började nyss'] },
      { value: 'aterkommande', label: t('y'), words: ['haft det förut', 'har haft det förut'] },
    ],
    expects: 'choice',
  };
  // Found by a new user: «nytt» at «Är det nya besvär …?» started the conversation over.
  it.each([
    ['nytt', 'nya'],
    ['Det är nytt', 'nya'],
    ['har haft det förut', 'aterkommande'],
  ])('takes "%s" as the option it is a word of', async (text, value) =>
    expect(await run(text, newOrOld)).toMatchObject({ event: { type: 'user.chose', value } }),
  );

  it('still takes «börja om» as the command', async () => {
    expect(await run('börja om', newOrOld)).toMatchObject({ kind: 'global', command: 'restart' });
  });
});

describe('a no to an optional question', () => {
  // Found in a new-user round: «nej tack» at «Vill du skriva varför du vill komma?» became the reason.
  it.each(['nej', 'nej tack', 'nä', 'no'])('takes "%s" as the way past it', async (text) =>
    expect(await run(text, reason)).toMatchObject({ event: { type: 'user.chose', value: 'skip' } }),
  );

  it('keeps a reason that only begins with no', async () => {
    const text = 'nej inte ont men yrsel';
    expect(await run(text, reason)).toMatchObject({ event: { type: 'user.text', text } });
  });
});

describe('a button said in other words (sprak.yaml buttons)', () => {
  const days: Reply = {
    parts: [],
    choices: [
      choice('first', 'choice.firstFree'),
      choice('day:2026-12-07', 'choice.day'),
      choice('more-days', 'choice.moreDays'),
      choice('other-day', 'choice.otherDay'),
    ],
    expects: 'choice',
  };
  const dayTimes: Reply = {
    parts: [],
    choices: [choice('s8', 'choice.slot'), choice('more', 'choice.laterTimes'), choice('days', 'choice.otherDays')],
    expects: 'choice',
  };
  // Found by a new user: «ja men helst en senare tid» at the free days started a rebooking.
  it.each([
    ['ja men helst en senare tid', days, 'more-days'],
    ['senare', days, 'more-days'],
    ['har du nåt senare?', days, 'more-days'],
    ['finns det nagot senare', days, 'more-days'],
    ['something later please', days, 'more-days'],
    ['längre fram', days, 'more-days'],
    ['senare', dayTimes, 'more'],
    ['har ni nån senare tid', dayTimes, 'more'],
    ['en annan dag', dayTimes, 'days'],
  ])('"%s" is that button', async (text, prompt, value) =>
    expect(await run(text, prompt)).toMatchObject({ kind: 'event', event: { type: 'user.chose', value } }),
  );

  it.each([
    ['avboka min senare tid', days],
    ['senare på eftermiddagen', days],
    ['senare i veckan', dayTimes],
    ['boka om till senare', days],
  ])('"%s" says more than the button', async (text, prompt) =>
    expect(await run(text, prompt)).not.toMatchObject({ event: { type: 'user.chose' } }),
  );

  it('"senare" is nothing of its own where no button has it', async () =>
    expect(await run('senare', menu)).not.toMatchObject({ event: { type: 'user.chose' } }));
});

describe('a moment asked for', () => {
  // «nej vänta» at a confirmation ended the errand as «avbryt».
  it.each(['nej vänta', 'vänta', 'vänta lite', 'ja vänta', 'hmm', 'hold on', 'ett ögonblick'])(
    '"%s" is a pause, at a yes/no question and at the menu',
    async (text) => {
      expect(await run(text, confirm)).toEqual({ kind: 'pause' });
      expect(await run(text, menu)).toEqual({ kind: 'pause' });
    },
  );

  it.each(['nej vänta, jag vill avboka i stället', 'vänta på svar från läkaren', 'avbryt'])(
    '"%s" is more than a pause',
    async (text) => expect(await run(text, confirm)).not.toEqual({ kind: 'pause' }),
  );
});

describe('an answer the resident is not sure of', () => {
  // «jag vet inte» at a yes/no question in the questionnaire got «Svara ja eller nej».
  it.each(['jag vet inte', 'nej vet inte', 'ja kanske', 'vet ej', 'kanske', "I don't know", 'ingen aning'])(
    '"%s" at a yes/no question is neither yes nor no, and says so',
    async (text) =>
      expect(await run(text, confirm)).toMatchObject({ event: { type: 'user.said', understanding: { unsure: true } } }),
  );

  it.each(['ja', 'nej', 'jag vet inte vilken tid jag har', 'kanske på tisdag'])(
    '"%s" is not only unsure',
    async (text) => expect(await run(text, confirm)).not.toMatchObject({ event: { understanding: { unsure: true } } }),
  );
});

describe('a no that may be another errand', () => {
  // Found by a new user: «nej förresten, boka om den istället» at «Vill du avboka …?» kept the time and ended.
  it('"nej förresten, boka om den istället" is not a plain no', async () =>
    expect(await run('nej förresten, boka om den istället', confirm)).toMatchObject({ event: { type: 'user.said' } }));

  it.each(['nej', 'nej tack', 'nej, inte den tiden', 'nej, behåll den'])('"%s" is a no', async (text) =>
    expect(await run(text, confirm)).toMatchObject({ event: { type: 'user.declined' } }),
  );
});

describe('an option said with a few words around it', () => {
  const option = (value: string, text: string, words?: string[]): Choice => ({
    value,
    label: { key: 'guided.inline', params: { text } },
    ...(words ? { words } : {}),
  });
  const forWhom: Reply = {
    parts: [],
    choices: [option('mig', 'Mig själv', ['för mig']), option('barn', 'Ett barn', ['min dotter'])],
    expects: 'choice',
  };
  const what: Reply = {
    parts: [],
    choices: [option('besvar', 'Besvär eller symtom', ['besvär', 'symtom']), option('intyg', 'Intyg')],
    expects: 'choice',
  };
  const runWith = (text: string, prompt: Reply) =>
    interpret(
      { text },
      { prompt, seq: 1 },
      { labelOf: (c) => String(c.label.params?.text ?? c.value), model, now: NOW },
    );

  // Found by a new user: «det gäller mig själv» at «Gäller tiden dig själv eller ett barn?» was not understood.
  it.each([
    ['det gäller mig själv', forWhom, 'mig'],
    ['det gäller min dotter', forWhom, 'barn'],
    ['jag har besvär', what, 'besvar'],
    ['det handlar om ett intyg', what, 'intyg'],
  ])('"%s" is that option', async (text, prompt, value) =>
    expect(await runWith(text, prompt)).toMatchObject({ event: { type: 'user.chose', value } }),
  );

  it('"jag har besvär med knät sedan i somras" says more than the option', async () =>
    expect(await runWith('jag har besvär med knät sedan i somras', what)).not.toMatchObject({
      event: { type: 'user.chose' },
    }));
});
