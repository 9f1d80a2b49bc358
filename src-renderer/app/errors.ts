// Turns a failed call to the local router into what the UI shows: one translated
// sentence for a refused action (a rule violation, a role, a session). Placing and
// wording the errors of single input fields on a form is forms/formErrors.ts's.
import { TRPCClientError } from '@trpc/client';
import type { TFunction } from 'i18next';
import type { LocalRouter } from '../../src-main/desk/router';
import { formatPhone } from '../../src-shared/phone';

export type DeskError = TRPCClientError<LocalRouter>;

export function asDeskError(e: unknown): DeskError | null {
  return e instanceof TRPCClientError ? (e as DeskError) : null;
}

export function domainCode(e: unknown): string | null {
  return asDeskError(e)?.data?.domain?.code ?? null;
}

/** A sentence for the user about a refused action, in their language. */
export function errorMessage(e: unknown, t: TFunction): string {
  const err = asDeskError(e);
  const domain = err?.data?.domain;
  if (domain) {
    // A rule about one field may have its own wording (fieldValidation.<field>.<code>).
    const field = typeof domain.details.field === 'string' ? domain.details.field : null;
    const keys = field
      ? [`fieldValidation.${field}.${domain.code}`, `domain.${domain.code}`]
      : `domain.${domain.code}`;
    return t(keys, { ...domainParams(domain.details, t), defaultValue: err.message });
  }
  if (err?.data?.fieldErrors) return t('validation.summary');
  if (err?.data?.code === 'UNAUTHORIZED') return t('errors.unauthorized');
  if (err?.data?.code === 'TOO_MANY_REQUESTS') return t('errors.tooManyRequests');
  if (err?.data?.code === 'FORBIDDEN') return t('domain.forbidden');
  return err?.message ?? t('errors.unexpected');
}

/** A rule violation's details as message parameters, a ticket's or device's status also in words (`statusName`, `deviceStatusName`). */
export function domainParams(details: Record<string, unknown>, t: TFunction): Record<string, string> {
  const out = flatten(details);
  if (typeof details.status === 'string') {
    out.statusName = t(`tickets.statuses.${details.status}`, { defaultValue: details.status });
  }
  if (typeof details.deviceStatus === 'string') {
    out.deviceStatusName = t(`equipment.statuses.${details.deviceStatus}`, {
      defaultValue: details.deviceStatus,
    });
  }
  return out;
}

export function flatten(details: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(details)) {
    if (v && typeof v === 'object') {
      for (const [k2, v2] of Object.entries(v)) out[`${k}_${k2}`] = display(k2, v2);
    } else out[k] = display(k, v);
  }
  return out;
}

function display(key: string, value: unknown): string {
  const text = String(value ?? '');
  return /number$/i.test(key) ? formatPhone(text) : text;
}
