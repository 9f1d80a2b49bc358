// A change the central store refused, told as a sentence: what was done (by
// you or by whom), and why it did not stand, e.g. "Du tok samtalen fra
// 91 23 45 67, men den var allerede tatt av Ola Agent". Unknown mutations
// and codes fall back to the general wording of the domain code.
import type { TFunction } from 'i18next';
import { formatPhone } from '../../../src-shared/phone';
import { domainParams } from '../../app/errors';

export interface RejectedChange {
  name: string;
  args: Record<string, unknown>;
  actorName: string;
  code: string;
  reason: string;
  details: Record<string, unknown>;
}

/** i18next reads dots as nesting, so "call.take" is keyed "call_take". */
const key = (name: string) => name.replace(/\./g, '_');

export function describeAction(
  change: RejectedChange,
  you: string,
  number: string | null,
  t: TFunction,
): string {
  const who = change.actorName === you ? t('attention.you') : change.actorName;
  const k = key(change.name);
  return number
    ? t([`attention.actions.${k}_number`, `attention.actions.${k}`, 'attention.actions.other'], {
        who,
        number: formatPhone(number),
        name: change.name,
      })
    : t([`attention.actions.${k}`, 'attention.actions.other'], { who, name: change.name });
}

/** The kind of change in words ("Ta samtale" for call.take); the mutation's name where there are none. */
export function describeChange(change: Pick<RejectedChange, 'name'>, t: TFunction): string {
  // Every kind of change has its words in the audit trail's list (admin.audit.kinds, kept equal to
  // the mutation registry by a test); the needs-attention page's own short names come first.
  return t(`attention.changeNames.${key(change.name)}`, {
    defaultValue: t(`admin.audit.kinds.${change.name}`, { defaultValue: change.name }),
  });
}

/** "men den var allerede tatt av Ola Agent", or null when there is no short clause for the code. */
export function describeWhyClause(change: RejectedChange, t: TFunction): string | null {
  const text = t(`attention.but.${change.code}`, { ...domainParams(change.details, t), defaultValue: '' });
  return text || null;
}

export function describeWhy(change: RejectedChange, t: TFunction): string {
  return t(`domain.${change.code}`, { ...domainParams(change.details, t), defaultValue: change.reason });
}

export function describeRejection(
  change: RejectedChange,
  you: string,
  number: string | null,
  t: TFunction,
): string {
  const action = describeAction(change, you, number, t);
  const clause = describeWhyClause(change, t);
  return clause ? `${action}, ${clause}.` : `${action}. ${describeWhy(change, t)}`;
}
