import type { Answer, Questionnaire } from './questionnaire-schema.js';
import { possibleAnswers, questionById, ruleFor, type Answers } from './questionnaire-rules.js';

// Every path through a questionnaire, answer by answer: the checker uses it to find dead
// ends, cycles and unreachable questions, and the tests to show that every path ends in
// an outcome.

export interface WalkStep {
  questionId: string;
  answer: Answer;
}

export type WalkEnd =
  | { kind: 'outcome'; outcomeId: string }
  | { kind: 'dead-end'; questionId: string; answer: Answer }
  | { kind: 'cycle'; questionId: string }
  | { kind: 'unknown-question'; from: string; id: string }
  | { kind: 'unknown-outcome'; from: string; id: string };

export interface WalkPath {
  steps: WalkStep[];
  end: WalkEnd;
}

export interface Walk {
  paths: WalkPath[];
  visited: Set<string>;
  /** True when the walk stopped at the path limit */
  truncated: boolean;
}

export function walkQuestionnaire(q: Questionnaire, limit = 50_000): Walk {
  const paths: WalkPath[] = [];
  const visited = new Set<string>();
  type Item = { questionId: string; steps: WalkStep[]; answers: Answers };
  const stack: Item[] = [{ questionId: q.start, steps: [], answers: {} }];
  let top: Item | undefined;
  for (top = stack.pop(); top && paths.length < limit; top = stack.pop()) {
    const { questionId, steps, answers } = top;
    const question = questionById(q, questionId);
    const from = steps.at(-1)?.questionId ?? 'start';
    if (!question) {
      paths.push({ steps, end: { kind: 'unknown-question', from, id: questionId } });
      continue;
    }
    if (steps.some((s) => s.questionId === questionId)) {
      paths.push({ steps, end: { kind: 'cycle', questionId } });
      continue;
    }
    visited.add(questionId);
    for (const answer of possibleAnswers(q, question)) {
      const nextAnswers = { ...answers, [questionId]: answer };
      const nextSteps = [...steps, { questionId, answer }];
      const rule = ruleFor(question, nextAnswers);
      if (!rule) paths.push({ steps: nextSteps, end: { kind: 'dead-end', questionId, answer } });
      else if (rule.outcome !== undefined) {
        paths.push({
          steps: nextSteps,
          end: q.outcomes[rule.outcome]
            ? { kind: 'outcome', outcomeId: rule.outcome }
            : { kind: 'unknown-outcome', from: questionId, id: rule.outcome },
        });
      } else if (rule.goto !== undefined) stack.push({ questionId: rule.goto, steps: nextSteps, answers: nextAnswers });
    }
  }
  return { paths, visited, truncated: top !== undefined };
}
