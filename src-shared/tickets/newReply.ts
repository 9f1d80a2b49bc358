// A reporter's answer that nobody at the desk has acted on yet (issue 17's
// follow-up): the ticket lists mark such tickets "Nytt svar" so an answer that
// came by e-mail or on the web is not left lying on a ticket nobody opens.
// The answer counts as handled once someone at the desk answers or works on
// the ticket after it: a note (to the reporter or internal), a status change,
// the response, a work record. Deliberately not counted: reassigning, editing
// fields or linking the ticket (none of these says anyone read the answer),
// 'message', the e-mail sender's delivery record, and 'created'. The times
// compare as text: every instant is stored in UTC ISO form. One rule for the
// lists (src-main/tickets/queries.ts).
import type { TicketEventKind } from './schemas';

/** The timeline events that show the desk has acted on the ticket. */
export const DESK_ACTION_KINDS: readonly TicketEventKind[] = [
  'status',
  'responded',
  'note',
  'remote_session',
  'on_site_visit',
];

/** The time of the reporter's latest answer when the desk has done nothing on the ticket since; else null. */
export function unansweredReplyAt(
  lastReplyAt: string | null,
  lastDeskActionAt: string | null,
): string | null {
  if (lastReplyAt === null) return null;
  return lastDeskActionAt !== null && lastDeskActionAt >= lastReplyAt ? null : lastReplyAt;
}
