// What the desk reads of the intake channels: the inbound mailbox's record
// (newest first) and a ticket's attachments (issue 17).
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { InboundOutcome } from '../../src-shared/intake/schemas';
import {
  InboundMail,
  TicketAttachment,
  type InboundMailRow,
  type TicketAttachmentRow,
} from '../store/entities';

export function inboundMail(
  manager: EntityManager,
  outcomes: readonly InboundOutcome[] | undefined,
  limit: number,
): Promise<InboundMailRow[]> {
  return manager.find(InboundMail, {
    where: outcomes ? { outcome: In([...outcomes]) } : {},
    order: { receivedAt: 'DESC', id: 'DESC' },
    take: limit,
  });
}

export function ticketAttachments(manager: EntityManager, ticketId: string): Promise<TicketAttachmentRow[]> {
  return manager.find(TicketAttachment, { where: { ticketId }, order: { createdAt: 'ASC', id: 'ASC' } });
}
