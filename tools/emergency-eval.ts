import type { Case } from '../dialogs/evaluation.js';
import { emergencyIn } from '../dialogs/emergency.js';
import type { UnderstandingModel } from '../dialogs/understanding-model.js';
import type { EmergencyRegressionSet } from './regression-files.js';

// The safety net's figures: recall over described emergencies (a miss is the worst
// failure), false alarms over harmless look-alikes, and whether suicidal thoughts get
// their own advice.

export interface EmergencyReport {
  recall: number;
  falseAlarmRate: number;
  missed: Case[];
  falseAlarms: string[];
  /** Suicidal thoughts answered with another category's advice */
  wrongAdvice: Case[];
  total: number;
  harmless: number;
}

export async function emergencyReport(
  model: UnderstandingModel,
  set: EmergencyRegressionSet,
): Promise<EmergencyReport> {
  const missed: Case[] = [];
  const wrongAdvice: Case[] = [];
  for (const c of set.emergencies) {
    const found = await emergencyIn(c.text, model);
    if (!found) missed.push(c);
    else if ((found === 'suicide') !== (c.expected === 'suicide')) wrongAdvice.push(c);
  }
  const falseAlarms: string[] = [];
  for (const text of set.harmless) if (await emergencyIn(text, model)) falseAlarms.push(text);
  const total = set.emergencies.length;
  return {
    recall: total === 0 ? 1 : (total - missed.length) / total,
    falseAlarmRate: set.harmless.length === 0 ? 0 : falseAlarms.length / set.harmless.length,
    missed,
    falseAlarms,
    wrongAdvice,
    total,
    harmless: set.harmless.length,
  };
}

export function formatEmergencyReport(r: EmergencyReport): string {
  return [
    `Safety net: ${r.total} emergencies, ${r.harmless} harmless look-alikes`,
    `  recall ${(100 * r.recall).toFixed(1)} %   false alarms ${(100 * r.falseAlarmRate).toFixed(1)} %   suicidal thoughts with the wrong advice: ${r.wrongAdvice.length}`,
    ...r.missed.map((c) => `  MISSED (${c.expected}): ${c.text}`),
    ...r.falseAlarms.map((t) => `  false alarm: ${t}`),
    ...r.wrongAdvice.map((c) => `  wrong advice (${c.expected}): ${c.text}`),
  ].join('\n');
}
