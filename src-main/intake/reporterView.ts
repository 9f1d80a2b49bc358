// What a reporter may see of their own tickets on the web intake (R7, R27):
// status, the public part of the history (filed, status changes, answers and
// updates meant for them, their own messages, the resolution) and the files
// they sent. Never internal notes, work records or another reporter's ticket;
// staff are "Servicedesken", not named. Runs on the central store's manager.
import type { EntityManager } from 'typeorm';
import { Ticket, TicketAttachment, TicketEvent, type TicketRow } from '../store/entities';
import { selectRow } from '../store/rowSql';

export interface ReporterTicketSummary {
  id: string;
  reference: string | null;
  title: string;
  status: string;
  createdAt: string;
  updatedAt: string;
}

export interface ReporterTicketLine {
  at: string;
  /** filed, status, fromDesk (an answer or update for the reporter), fromReporter */
  kind: 'filed' | 'status' | 'fromDesk' | 'fromReporter';
  status?: string;
  text?: string;
  channel?: string;
  attachments?: Array<{ id: string; filename: string; size: number }>;
}

export interface ReporterTicketView {
  ticket: ReporterTicketSummary & { description: string; resolution: string | null; channel: string };
  lines: ReporterTicketLine[];
  attachments: Array<{ id: string; filename: string; size: number }>;
}

function titleOf(t: Pick<TicketRow, 'title' | 'description'>): string {
  if (t.title?.trim()) return t.title;
  const line = t.description.split(/\r?\n/).find((l) => l.trim()) ?? '';
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

function summary(t: TicketRow): ReporterTicketSummary {
  return {
    id: t.id,
    reference: t.reference,
    title: titleOf(t),
    status: t.status,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}

/** The reporter's tickets, newest first (at most 200). */
export async function reporterTickets(
  manager: EntityManager,
  email: string,
): Promise<ReporterTicketSummary[]> {
  const rows = await manager
    .getRepository(Ticket)
    .createQueryBuilder('t')
    .where('LOWER(t.reporterEmail) = :email', { email: email.toLowerCase() })
    .orderBy('t.createdAt', 'DESC')
    .limit(200)
    .getMany();
  return rows.map(summary);
}

/** One of the reporter's tickets as they may see it; null when there is none or it is someone else's. */
export async function reporterTicketView(
  manager: EntityManager,
  ticketId: string,
  email: string,
): Promise<ReporterTicketView | null> {
  const t = await selectRow(manager, Ticket, { id: ticketId });
  if (!t || (t.reporterEmail ?? '').toLowerCase() !== email.toLowerCase()) return null;
  const events = await manager.find(TicketEvent, { where: { ticketId }, order: { at: 'ASC', id: 'ASC' } });
  // Files from another address's messages stay with the desk, as those messages do.
  const others = new Set(
    events
      .filter(
        (e) =>
          e.kind === 'reporterMessage' && (JSON.parse(e.data) as { fromOther?: boolean }).fromOther === true,
      )
      .map((e) => e.id),
  );
  const files = (await manager.find(TicketAttachment, { where: { ticketId, role: 'attachment' } })).filter(
    (f) => !others.has(f.eventId),
  );
  const filesOf = (eventId: string) =>
    files.filter((f) => f.eventId === eventId).map((f) => ({ id: f.id, filename: f.filename, size: f.size }));
  const lines: ReporterTicketLine[] = [];
  for (const e of events) {
    const data = JSON.parse(e.data) as Record<string, unknown>;
    if (e.kind === 'created') {
      lines.push({
        at: e.at,
        kind: 'filed',
        channel: String(data.channel ?? t.channel),
        attachments: filesOf(t.id),
      });
    } else if (e.kind === 'status') {
      const to = (data.changes as { status?: [string, string] } | undefined)?.status?.[1];
      if (to)
        lines.push({
          at: e.at,
          kind: 'status',
          status: to,
          ...(to === 'resolved' && t.resolution ? { text: t.resolution } : {}),
        });
    } else if (e.kind === 'note' && data.visibility === 'reporter') {
      lines.push({ at: e.at, kind: 'fromDesk', text: String(data.text ?? '') });
    } else if (e.kind === 'responded' && typeof data.text === 'string' && data.text) {
      lines.push({ at: e.at, kind: 'fromDesk', text: data.text, channel: String(data.channel ?? '') });
    } else if (e.kind === 'reporterMessage' && data.fromOther !== true) {
      // Another address's message (a colleague answering our e-mail) is not the reporter's to read.
      lines.push({
        at: e.at,
        kind: 'fromReporter',
        text: String(data.text ?? ''),
        channel: String(data.channel ?? ''),
        attachments: filesOf(e.id),
      });
    }
  }
  return {
    ticket: { ...summary(t), description: t.description, resolution: t.resolution, channel: t.channel },
    lines,
    attachments: files.map((f) => ({ id: f.id, filename: f.filename, size: f.size })),
  };
}
