// A list row's "Nytt svar": the reporter answered by e-mail or on the web and
// nobody at the desk has acted on the ticket since (src-shared/tickets/newReply.ts).
import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../../../../src-shared/tickets/schemas';
import { formatDateTime } from '../../../app/format';

export function NewReplyMarker({ ticket }: { ticket: TicketSummary }) {
  const { t } = useTranslation();
  if (!ticket.newReplyAt) return null;
  return (
    <small
      className="tag new-reply-marker"
      title={t('intake.newReply.hint', { when: formatDateTime(ticket.newReplyAt) })}
      data-testid="new-reply"
    >
      {t('intake.newReply.marker')}
    </small>
  );
}
