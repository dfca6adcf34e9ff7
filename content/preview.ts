import { DateTime } from 'luxon';
import { escapeHtml } from './html.js';
import { must } from '../booking/invariant.js';
import type { Content } from './load.js';
import type { Condition, Expected, Questionnaire, TextValue } from './questionnaire-schema.js';
import { placeholdersOf } from './texts.js';

// An HTML page for content editors: every text rendered with example values, and every
// questionnaire drawn as a decision tree, so a change can be checked in a browser.

const EXAMPLES: Record<string, string | number> = {
  start: '2026-12-07T09:30:00+01:00',
  newStart: '2026-12-09T14:00:00+01:00',
  deadline: '2026-12-06T09:30:00+01:00',
  date: '2026-11-20',
  earliestDate: '2026-12-15',
  latestDate: '2027-01-15',
  lastDate: '2027-01-12',
  unitName: 'Vårdcentralen Fyrisdal',
  unit: 'Vårdcentralen Fyrisdal',
  service: 'Läkarbesök',
  phone: '018-611 00 01',
  name: 'Leg. läkare Anna Berg',
  hours: 24,
  days: 42,
  max: 150,
  length: 163,
  count: 3,
  min: 0,
  text: '30 februari',
  purpose: 'Du har fått en remiss. Boka ett nybesök inom 30 dagar.',
};

const escape = escapeHtml;

function renderText(content: Content, key: string, given: Record<string, string> = {}): string {
  const template = content.texts.template(key) ?? '';
  const params = Object.fromEntries(
    placeholdersOf(template).map((p) => [p.name, given[p.name] ?? EXAMPLES[p.name] ?? `[${p.name}]`]),
  );
  try {
    return content.texts.render(key, params, DateTime.fromISO('2026-12-01T09:00', { zone: 'Europe/Stockholm' }));
  } catch (error) {
    return `⚠ ${(error as Error).message}`;
  }
}

const textOf = (content: Content, value: TextValue) =>
  typeof value === 'string' ? value : renderText(content, value.key);

function expectedText(q: Questionnaire, questionId: string, e: Expected): string {
  const label = (v: string) => {
    const option = q.questions.find((x) => x.id === questionId)?.options?.find((o) => o.value === v);
    return option ? (typeof option.label === 'string' ? option.label : option.value) : v;
  };
  if (typeof e === 'string') return `”${label(e)}”`;
  if (Array.isArray(e)) return e.map((v) => `”${label(v)}”`).join(' eller ');
  const parts = [
    e.lt !== undefined && `under ${e.lt}`,
    e.lte !== undefined && `högst ${e.lte}`,
    e.gt !== undefined && `över ${e.gt}`,
    e.gte !== undefined && `minst ${e.gte}`,
    e.eq !== undefined && `exakt ${e.eq}`,
  ].filter(Boolean);
  return parts.join(' och ');
}

function conditionText(q: Questionnaire, c: Condition | undefined): string {
  if (!c) return 'annars';
  if ('all' in c && Array.isArray(c.all)) return (c.all as Condition[]).map((x) => conditionText(q, x)).join(' och ');
  if ('any' in c && Array.isArray(c.any))
    return `(${(c.any as Condition[]).map((x) => conditionText(q, x)).join(' eller ')})`;
  return Object.entries(c as Record<string, Expected>)
    .map(([id, e]) => `${id} är ${expectedText(q, id, e)}`)
    .join(' och ');
}

function adviceUnit(content: Content, hsaId: string | undefined): Record<string, string> {
  const unit = hsaId ? content.units.find((u) => u.hsaId.toLowerCase() === hsaId.toLowerCase()) : undefined;
  return unit ? { unit: unit.name, phone: unit.phone } : {};
}

function outcomeHtml(content: Content, q: Questionnaire, id: string): string {
  const o = q.outcomes[id];
  if (!o) return `<div class="box missing">Utfallet ${escape(id)} saknas</div>`;
  const unitOf = (serviceId: string) => content.units.find((u) => u.services.some((s) => s.id === serviceId));
  const body = o.book
    ? `Boka <strong>${escape(unitOf(o.book)?.services.find((s) => s.id === o.book)?.name ?? o.book)}</strong> på ${escape(unitOf(o.book)?.name ?? '?')}`
    : escape(renderText(content, must(o.advice, 'advice, as the outcome books nothing'), adviceUnit(content, o.unit)));
  return `<div class="box outcome${o.emergency ? ' emergency' : ''}"><span class="tag">${o.emergency ? 'Akut' : o.book ? 'Boka' : 'Råd'}</span> ${body}</div>`;
}

function questionHtml(content: Content, q: Questionnaire, id: string, shown: Set<string>): string {
  const question = q.questions.find((x) => x.id === id);
  if (!question) return `<div class="box missing">Frågan ${escape(id)} saknas</div>`;
  if (shown.has(id))
    return `<div class="box ref"><a href="#${escape(q.id)}-${escape(id)}">Fortsätter med frågan ${escape(id)} (se ovan)</a></div>`;
  shown.add(id);
  const rules = question.next.map((rule) => {
    const target = rule.goto
      ? questionHtml(content, q, rule.goto, shown)
      : outcomeHtml(content, q, must(rule.outcome, 'an outcome, as the rule goes to no question'));
    const when = question.next.length === 1 ? 'sedan' : conditionText(q, rule.if);
    return `<li><div class="when">${escape(when)}</div>${target}</li>`;
  });
  const answers =
    question.answer === 'yesno'
      ? 'Ja / Nej'
      : question.answer === 'number'
        ? `Ett tal${question.min !== undefined ? ` från ${question.min}` : ''}${question.max !== undefined ? ` till ${question.max}` : ''}`
        : (question.options ?? []).map((o) => escape(textOf(content, o.label))).join(' / ');
  return `<div class="box question" id="${escape(q.id)}-${escape(id)}"><span class="tag">${escape(id)}</span> ${escape(textOf(content, question.text))}
    <div class="answers">Svar: ${answers}</div></div><ul>${rules.join('')}</ul>`;
}

export function previewHtml(content: Content): string {
  const texts = content.texts
    .keys()
    .sort()
    .map(
      (key) =>
        `<tr><td><code>${escape(key)}</code></td><td>${escape(renderText(content, key)).replace(/\n/g, '<br>')}</td></tr>`,
    );
  const trees = content.questionnaires.map(
    (q) => `<section><h2>${escape(textOf(content, q.title))} <small>(${escape(q.id)})</small></h2>
    <div class="tree"><ul><li>${questionHtml(content, q, q.start, new Set())}</li></ul></div></section>`,
  );
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Förhandsgranskning av innehållet</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a;line-height:1.45;max-width:80rem}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.5rem}small{color:#555;font-weight:normal}
table{border-collapse:collapse;width:100%}td{border-bottom:1px solid #ddd;padding:.4rem;vertical-align:top}td:first-child{width:30%}
.tree ul{list-style:none;padding-left:1.6rem;border-left:2px solid #9bb;margin:.3rem 0}.tree li{margin:.5rem 0;position:relative}
.tree li::before{content:"";position:absolute;left:-1.6rem;top:1rem;width:1.4rem;border-top:2px solid #9bb}
.box{border:2px solid #396;border-radius:.5rem;padding:.5rem .7rem;background:#f4faf6;display:inline-block;max-width:46rem}
.question{border-color:#246;background:#f3f6fb}.outcome.emergency{border-color:#b00;background:#fff0f0}.missing{border-color:#b00}
.ref{border-style:dashed;background:#fff}.when{font-size:.9rem;color:#333;margin-bottom:.2rem;font-style:italic}
.answers{font-size:.9rem;color:#333;margin-top:.3rem}.tag{font-size:.75rem;font-weight:bold;text-transform:uppercase;letter-spacing:.03em;
background:#fff;border:1px solid currentColor;border-radius:.3rem;padding:0 .3rem;margin-right:.3rem}
</style></head><body><h1>Förhandsgranskning av innehållet</h1>
<p>Skapad ${escape(DateTime.now().setZone('Europe/Stockholm').toFormat('yyyy-MM-dd HH:mm'))}. Texterna visas med exempelvärden.</p>
<h2>Frågeformulär</h2>${trees.join('')}<h2>Alla texter</h2><table>${texts.join('')}</table></body></html>`;
}
