// Where the understanding draws its lines, in one place. Calibrated with
// `npm run understand:eval` (cross-validation over the examples and the regression
// phrasings): raise SURE and MARGIN and the bot asks more often; lower them and it acts
// more often, and more often wrongly. A wrong action is worse than a question.

export const THRESHOLDS = {
  /** The best intent's score at which the bot acts on it */
  sure: 0.6,
  /** ... provided the runner-up is at least this far behind */
  margin: 0.25,
  /** Below this the message fits nothing: the bot says what it can do */
  floor: 0.3,
  /** A runner-up with at least this score is offered as a second button when asking */
  alternative: 0.12,
  /** The emergency classifier's summed score over the red-flag categories that gets the advice */
  emergency: 0.15,
} as const;
