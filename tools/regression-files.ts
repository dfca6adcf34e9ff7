import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Case } from '../dialogs/evaluation.js';

// The regression phrasings: written as residents write, labelled with what they mean,
// and never used for training (the evaluation fails if one appears among the examples).

export const REGRESSION_FILE = fileURLToPath(new URL('../test/understanding/regression.yaml', import.meta.url));
export const EMERGENCY_REGRESSION_FILE = fileURLToPath(
  new URL('../test/understanding/akut-regression.yaml', import.meta.url),
);

const byLabel = z.record(z.string(), z.array(z.string().min(1)));
const regressionSchema = z.strictObject({ swedish: byLabel, english: byLabel.default({}) });
const emergencySchema = z.strictObject({ emergency: byLabel, notEmergency: z.array(z.string().min(1)) });

export interface RegressionSet {
  swedish: Case[];
  english: Case[];
}

const casesOf = (record: Record<string, string[]>): Case[] =>
  Object.entries(record).flatMap(([expected, texts]) => texts.map((text) => ({ text, expected })));

export function readRegression(file = REGRESSION_FILE): RegressionSet {
  const data = regressionSchema.parse(parse(readFileSync(file, 'utf8')));
  return { swedish: casesOf(data.swedish), english: casesOf(data.english) };
}

export interface EmergencyRegressionSet {
  /** Expected: the category */
  emergencies: Case[];
  harmless: string[];
}

export function readEmergencyRegression(file = EMERGENCY_REGRESSION_FILE): EmergencyRegressionSet {
  const data = emergencySchema.parse(parse(readFileSync(file, 'utf8')));
  return { emergencies: casesOf(data.emergency), harmless: data.notEmergency };
}
