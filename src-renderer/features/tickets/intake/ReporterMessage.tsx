// A reporter's own message on the timeline (issue 17, R7): an answer by e-mail
// or on the web, marked as the reporter's, with the channel in words, the
// sender when it is not the reporter's address, the subject, the plain text,
// its files and, on request, its HTML version.
import { useTranslation } from 'react-i18next';
import type { TicketEventView } from '../../../../src-shared/tickets/schemas';
import type { TicketAttachment } from './files';
import { FileList } from './FileList';
import { HtmlVersion } from './HtmlVersion';

interface MessageData {
  channel: 'email' | 'web';
  from: string | null;
  fromOther: boolean;
  subject: string | null;
  text: string;
  attachments: Array<{ id: string; filename: string; size: number }>;
  htmlBodyId: string | null;
}

function messageData(d: Record<string, unknown>): MessageData {
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    channel: d.channel === 'web' ? 'web' : 'email',
    from: str(d.from),
    fromOther: d.fromOther === true,
    subject: str(d.subject),
    text: str(d.text) ?? '',
    attachments: Array.isArray(d.attachments) ? (d.attachments as MessageData['attachments']) : [],
    htmlBodyId: str(d.htmlBodyId),
  };
}

export function ReporterMessage({
  e,
  attachments,
}: {
  e: TicketEventView;
  /** The ticket's files, for their kinds. */
  attachments: readonly TicketAttachment[];
}) {
  const { t } = useTranslation();
  const m = messageData(e.data);
  const kinds = new Map(attachments.map((a) => [a.id, a.contentType]));
  return (
    <div className="reporter-message" data-testid="reporter-message">
      <strong>{t('intake.message.heading')}</strong>{' '}
      <span className="tag tone-neutral">{t(`tickets.channels.${m.channel}`)}</span>
      {m.fromOther && m.from && (
        <span className="tag tone-warn" data-testid="from-other">
          {t('intake.message.fromOther', { from: m.from })}
        </span>
      )}
      {m.subject && <div className="small muted">{t('intake.message.subject', { subject: m.subject })}</div>}
      <blockquote className="pre">{m.text || t('intake.message.empty')}</blockquote>
      {m.attachments.length > 0 && (
        <FileList
          label={t('intake.message.files')}
          files={m.attachments.map((a) => ({ ...a, contentType: kinds.get(a.id) }))}
        />
      )}
      {m.htmlBodyId && <HtmlVersion id={m.htmlBodyId} />}
    </div>
  );
}
