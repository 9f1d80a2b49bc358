// A ticket's files (issue 17): their bytes stay on the central store, so the
// desk fetches one when it is opened (attachments.open) and hands it to the
// browser as a download (a Blob behind an object URL). Offline, the desk still
// lists the files and says plainly that it cannot open them now.
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { asDeskError, domainCode, errorMessage } from '../../../app/errors';
import { useTRPCClient } from '../../../app/trpc';
import type { TicketDetail } from '../types';

export type TicketAttachment = TicketDetail['attachments'][number];

export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** "512 B", "12 kB", "1,4 MB" in the desk's language. */
export function formatSize(bytes: number, locale = document.documentElement.lang || 'nb'): string {
  const number = (n: number, digits: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
  if (bytes < 1000) return `${number(bytes, 0)} B`;
  if (bytes < 1_000_000) return `${number(bytes / 1000, bytes < 10_000 ? 1 : 0)} kB`;
  return `${number(bytes / 1_000_000, 1)} MB`;
}

/** The file's kind in a word or two (its content type as a fallback). */
export function fileKind(contentType: string, t: TFunction): string {
  const [type = '', sub = ''] = contentType.toLowerCase().split('/');
  const known: Record<string, string> = {
    'application/pdf': 'pdf',
    'text/plain': 'text',
    'text/html': 'html',
    'text/csv': 'csv',
    'application/zip': 'zip',
    'message/rfc822': 'email',
  };
  const key = known[`${type}/${sub}`] ?? (type === 'image' ? 'image' : null);
  return key ? t(`intake.files.kinds.${key}`, { sub: sub.toUpperCase() }) : contentType;
}

/** Why a file could not be fetched, in words: the central store unreachable is its own sentence. */
export function openErrorText(e: unknown, t: TFunction): string {
  const code = domainCode(e);
  const status = asDeskError(e)?.data?.code;
  if (code === 'centralUnavailable' || status === 'SERVICE_UNAVAILABLE' || !asDeskError(e)?.data)
    return t('intake.files.offline');
  if (code === 'notFound') return t('intake.files.notFound');
  return t('intake.files.failed', { error: errorMessage(e, t) });
}

function saveBytes(filename: string, contentType: string, bytes: Uint8Array<ArrayBuffer>): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: contentType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Opens (downloads) a file; says which one is on its way and why one failed. */
export function useOpenAttachment() {
  const { t } = useTranslation();
  const client = useTRPCClient();
  const [opening, setOpening] = useState<string | null>(null);
  const [error, setError] = useState<{ id: string; text: string } | null>(null);
  const open = async (file: { id: string; filename: string }) => {
    setOpening(file.id);
    setError(null);
    try {
      const got = await client.attachments.open.query({ id: file.id });
      saveBytes(file.filename, got.contentType, base64Bytes(got.base64));
    } catch (e) {
      setError({ id: file.id, text: openErrorText(e, t) });
    } finally {
      setOpening(null);
    }
  };
  return { open, opening, error };
}
