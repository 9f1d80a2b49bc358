// Owns the one error type the SLA module throws (SlaError, with a code and the list of problems).
// Does not log, translate or recover: callers decide how to show the message.

export type SlaErrorCode =
  | 'invalid-settings' // settings failed validation (each problem named in `issues`)
  | 'invalid-input' // a bad instant, duration, priority or pause list
  | 'no-open-time' // the calendar has a whole year without open time
  | 'out-of-range'; // an instant or a deadline outside the supported years

/** The only error the SLA module throws on bad input. The message names what is wrong. */
export class SlaError extends Error {
  override readonly name = 'SlaError';
  readonly code: SlaErrorCode;
  /** One line per problem, e.g. `targets.high.resolutionMinutes must be positive`. */
  readonly issues: readonly string[];

  constructor(code: SlaErrorCode, issues: string | readonly string[]) {
    const list = typeof issues === 'string' ? [issues] : issues;
    super(list.join('; '));
    this.code = code;
    this.issues = list;
  }
}
