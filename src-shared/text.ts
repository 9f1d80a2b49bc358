// Text that may be stored (issue 13, item 10): every free-text field of a
// mutation's arguments and of a procedure's input starts from `textSchema`,
// so the desk and the central store (SQLite and PostgreSQL alike) refuse the
// same bad characters with the same message before anything reaches SQL:
// U+0000 (PostgreSQL cannot store it, SQLite's full-text queries break on
// it), unpaired surrogates (not UTF-16; a driver would silently turn them
// into U+FFFD), other C0 control characters and DEL (tab, line feed and
// carriage return are text), and U+FFFD itself, which is what bytes that
// were not UTF-8 become when an HTTP body is decoded leniently. Length,
// trimming and required-ness stay with each field's own schema; ids and
// instants have strict formats of their own.
import { z } from 'zod';

export type TextProblemReason = 'nulCharacter' | 'unpairedSurrogate' | 'controlCharacter' | 'notUtf8';

export interface TextProblem {
  /** A stable key for translations (the field issue's `reason`). */
  reason: TextProblemReason;
  /** What is wrong, in English, without the field's name (the issue's path names it). */
  message: string;
}

// C0 controls other than tab (09), line feed (0A) and carriage return (0D), and DEL (7F). NUL is
// checked on its own for its own message.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

// With the u flag a surrogate pair is one code point, so this matches unpaired surrogates only: the
// same test as String.prototype.isWellFormed (ES2024, beyond the ES2023 library the build targets).
const UNPAIRED_SURROGATE = /[\uD800-\uDFFF]/u;

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** What is wrong with this text as stored text, or null when nothing is. */
export function textProblem(value: string): TextProblem | null {
  if (value.includes('\u0000')) return { reason: 'nulCharacter', message: 'contains a NUL character' };
  if (UNPAIRED_SURROGATE.test(value))
    return {
      reason: 'unpairedSurrogate',
      message: 'contains an unpaired surrogate (invalid UTF-16)',
    };
  const control = CONTROL.exec(value);
  if (control)
    return {
      reason: 'controlCharacter',
      message: `contains the control character ${hex(control[0].charCodeAt(0))}`,
    };
  if (value.includes('\uFFFD'))
    return {
      reason: 'notUtf8',
      message: 'contains U+FFFD, the replacement character: the text was not valid UTF-8',
    };
  return null;
}

/** The zod check behind textSchema, for string schemas built elsewhere. */
export function checkText(value: string, ctx: z.core.$RefinementCtx<string>): void {
  const problem = textProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { reason: problem.reason } });
}

/**
 * A string that may be stored: refuses NUL, unpaired surrogates, control characters other than
 * tab, line feed and carriage return, and U+FFFD. Chain `.trim()`, `.min()`, `.max()` as usual.
 */
export const textSchema = z.string().superRefine(checkText);
