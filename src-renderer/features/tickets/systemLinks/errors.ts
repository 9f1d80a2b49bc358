// The refusals of a data restore (R13) in the user's language: why Start and the other steps out of
// "new" are refused until the system owner's approval is recorded, and why a restore needs a system
// from the register. Every other refusal is worded as app/errors.ts words it.
import type { TFunction } from 'i18next';
import { domainCode, errorMessage } from '../../../app/errors';

const RESTORE_CODES: ReadonlySet<string> = new Set(['restoreNotApproved', 'restoreNeedsSystem']);

export function ticketErrorMessage(e: unknown, t: TFunction): string {
  const code = domainCode(e);
  return code && RESTORE_CODES.has(code) ? t(`ticketSystems.errors.${code}`) : errorMessage(e, t);
}

/** For a ticket form's refusal that names none of its fields (savedOrShown's placement). */
export const TICKET_REFUSALS = { message: ticketErrorMessage };
