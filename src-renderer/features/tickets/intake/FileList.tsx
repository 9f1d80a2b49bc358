// Files as the ticket page lists them (issue 17): each by name, size and kind,
// the name a button that downloads it. Used for the ticket's own files
// ("Vedlegg") and for the files of a reporter's message in the timeline.
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { fileKind, formatSize, useOpenAttachment, type TicketAttachment } from './files';

export interface ListedFile {
  id: string;
  filename: string;
  size: number;
  /** Unknown for a message's file the ticket's list does not hold (yet). */
  contentType?: string;
  /** A small note after the facts (e.g. which message it came with). */
  note?: string;
}

export function FileList({ files, label }: { files: readonly ListedFile[]; label: string }) {
  const { t } = useTranslation();
  const { open, opening, error } = useOpenAttachment();
  return (
    <ul className="file-list" aria-label={label}>
      {files.map((f) => (
        <li key={f.id} data-attachment-id={f.id}>
          <button
            type="button"
            className="linklike file-name"
            onClick={() => void open(f)}
            aria-busy={opening === f.id}
            aria-describedby={`file-facts-${f.id}`}
          >
            {f.filename}
          </button>{' '}
          <span className="muted small" id={`file-facts-${f.id}`}>
            {formatSize(f.size)}
            {f.contentType ? ` · ${fileKind(f.contentType, t)}` : ''}
            {f.note ? ` · ${f.note}` : ''}
            {opening === f.id ? ` · ${t('intake.files.opening')}` : ''}
          </span>
          {error?.id === f.id && (
            <p role="alert" className="field-error small">
              {error.text}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The ticket's files: those that came with it, then those that came with the reporter's messages. */
export function TicketFiles({
  ticketId,
  attachments,
  messageTimes,
}: {
  ticketId: string;
  attachments: readonly TicketAttachment[];
  /** When each reporter's message came (event id → instant), to say which one a file came with. */
  messageTimes: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const files = attachments.filter((a) => a.role === 'attachment');
  if (files.length === 0) return null;
  const own = files.filter((a) => a.eventId === ticketId);
  const later = files.filter((a) => a.eventId !== ticketId);
  const listed = [
    ...own,
    ...later.map((a) => {
      const at = messageTimes.get(a.eventId);
      return { ...a, note: t('intake.files.withMessage', { when: formatDateTime(at ?? a.createdAt) }) };
    }),
  ];
  return (
    <section className="card" aria-labelledby="files-title" data-testid="ticket-files">
      <h2 id="files-title">
        {t('intake.files.title')} <span className="count">{files.length}</span>
      </h2>
      <FileList files={listed} label={t('intake.files.title')} />
      <p className="muted small">{t('intake.files.hint')}</p>
    </section>
  );
}
