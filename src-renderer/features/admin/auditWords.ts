// The audit trail in words (issue 18): every kind of change a desk or the
// central store makes, grouped by what it is about, with its name in the
// user's language (admin.audit.kinds.<group>.<change>); what a change carried
// as labelled values rather than JSON; and when it was made (the instant the
// person acted, `args.at`), which is not when the central store applied it
// (a desk that was offline pushes later; the demo data is applied in one go).
import type { TFunction } from 'i18next';

/**
 * Every kind of change, by group: the mutations desks push and those the central store runs
 * itself (src-main/domains.ts, kept equal by tests/unit/src-renderer/features/admin/auditWords.test.ts),
 * and `sync.push`, a push refused as a whole.
 */
export const AUDIT_KINDS: Readonly<Record<string, readonly string[]>> = {
  call: [
    'log',
    'take',
    'update',
    'finish',
    'abandon',
    'calledBack',
    'blockNumber',
    'unblockNumber',
    'setCallerIdRules',
    'phoneEvent',
  ],
  ticket: [
    'create',
    'edit',
    'assign',
    'start',
    'agreedPlan',
    'temporarySolution',
    'resume',
    'resolve',
    'close',
    'reopen',
    'respond',
    'note',
    'work',
    'approveRestore',
    'messageClaim',
    'messageSent',
    'messageAttemptFailed',
  ],
  mail: ['receive', 'setAside'],
  intake: ['webTicket', 'reporterReply'],
  reporter: ['import', 'save'],
  sla: ['setSettings'],
  equipment: [
    'saveModel',
    'importModels',
    'setSettings',
    'registerDevice',
    'importDevices',
    'editDevice',
    'recommendReplacement',
    'handover',
    'sendBatch',
    'closeBatch',
    'confirmWipe',
  ],
  shifts: ['setWeek', 'copyWeek', 'setSettings'],
  presence: ['set', 'link'],
  systems: ['save', 'setRoles', 'removeCustomer'],
  outage: ['record', 'edit', 'confirm', 'dismiss', 'linkTicket', 'suspect', 'probeRecovered'],
  window: ['save', 'cancel'],
  notice: ['publish', 'update', 'linkTicket'],
  sync: ['push'],
};

/** Every kind's name ("ticket.agreedPlan"), in the order of AUDIT_KINDS. */
export function auditKindNames(): string[] {
  return Object.entries(AUDIT_KINDS).flatMap(([group, kinds]) => kinds.map((k) => `${group}.${k}`));
}

/** A kind of change in words ("Avtalt plan for en sak"); an unknown one as it is named. */
export function auditKindText(name: string, t: TFunction): string {
  return t(`admin.audit.kinds.${name}`, { defaultValue: name });
}

/** When the change was made: the instant the person acted, if it says, else when it was applied. */
export function madeAt(entry: { args?: unknown; appliedAt: string }): string {
  const at = (entry.args as { at?: unknown } | null)?.at;
  return typeof at === 'string' && !Number.isNaN(Date.parse(at)) ? at : entry.appliedAt;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_TEXT = 80;

/** Values that have words of their own, by the argument they are in. */
const VALUE_WORDS: Record<string, string> = {
  priority: 'sla.priorities',
  status: 'tickets.statuses',
  role: 'roles',
};

function valueText(
  key: string,
  value: unknown,
  t: TFunction,
  formatInstant: (iso: string) => string,
): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return t(value ? 'admin.audit.yes' : 'admin.audit.no');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const words = VALUE_WORDS[key];
    if (words) return t(`${words}.${value}`, { defaultValue: value });
    if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return formatInstant(value);
    // An id says nothing to a person; its end tells two apart.
    if (UUID.test(value)) return `…${value.replace(/-/g, '').slice(-6)}`;
    return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT - 1)}…` : value;
  }
  if (Array.isArray(value)) return t('admin.audit.count', { count: value.length });
  // A small nested object of plain values (a call-take's override): its parts with their values;
  // a larger one (settings, a device): which of its parts it carried.
  const entries = Object.entries(value as Record<string, unknown>);
  const plain = entries.every(([, v]) => v === null || ['string', 'number', 'boolean'].includes(typeof v));
  if (plain && entries.length <= 4)
    return entries.map(([k, v]) => `${fieldLabel(k, t)}: ${valueText(k, v, t, formatInstant)}`).join('; ');
  return entries.map(([k]) => fieldLabel(k, t)).join(', ');
}

/** An argument's name in words; one without its own word by its name. */
export function fieldLabel(key: string, t: TFunction): string {
  return t(`admin.audit.fields.${key}`, { defaultValue: key });
}

/** What a change carried, as labelled values (its time of making is shown on its own). */
export function argsInWords(
  args: unknown,
  t: TFunction,
  formatInstant: (iso: string) => string,
): Array<{ label: string; value: string }> {
  if (!args || typeof args !== 'object' || Array.isArray(args)) return [];
  return Object.entries(args as Record<string, unknown>)
    .filter(([key]) => key !== 'at')
    .map(([key, value]) => ({ label: fieldLabel(key, t), value: valueText(key, value, t, formatInstant) }));
}
