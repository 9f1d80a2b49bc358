// Demo tickets: every demo call that needed a ticket gets one, made from the
// call while it was still taken, then worked as a desk would: most are started
// and resolved, many later closed, a few wait on an agreed plan, and the last
// two days' are often still new or in progress. Written only through the ticket
// mutations, at the instants they would have happened.
import type { EntityManager } from 'typeorm';
import type { Priority } from '../../src-shared/sla/settings';
import type { Actor } from '../../src-shared/roles';
import type { TicketCategory } from '../../src-shared/tickets/schemas';
import type { Desk } from '../desk/openDesk';
import { nextProvisionalReference } from '../tickets/provisionalReferences';
import {
  ticketAgreedPlan,
  ticketAssign,
  ticketClose,
  ticketCreate,
  ticketResolve,
  ticketStart,
} from '../tickets/mutations';

type Rng = () => number;

export interface DemoTicketCall {
  id: string;
  by: Actor;
  takenAt: number;
  endedAt: number;
  caller: { name: string; number: string; customerId: string; workplace: string };
  /** What the call was about: the ticket's description. */
  summary: string;
}

export type DemoTicketStepKind = 'create' | 'assign' | 'start' | 'plan' | 'resolve' | 'close';

export interface DemoTicketStep {
  at: number;
  kind: DemoTicketStepKind;
  ticket: DemoTicket;
}

export interface DemoTicket {
  id: string;
  call: DemoTicketCall;
  priority: Priority;
  system: string;
  category: TicketCategory;
  notifyBy: 'sms' | 'none';
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The affected system or service, as an agent would name it from the call's summary. */
function systemOf(summary: string): string {
  const known: Array<[RegExp, string]> = [
    [/Visma/, 'Visma Enterprise'],
    [/Profil/, 'Profil'],
    [/Elements/, 'Elements'],
    [/Adobe/, 'Programvare'],
    [/[Nn]ett/, 'Nettverk'],
    [/[Ss]kriver/, 'Utskrift'],
    [/Smartboard/, 'AV-utstyr'],
    [/[Nn]økkelkort/, 'Adgangskontroll'],
  ];
  return known.find(([re]) => re.test(summary))?.[1] ?? 'Klient og utstyr';
}

function categoryOf(summary: string): TicketCategory {
  if (/^(Tilgang|Ny tilgangsgruppe)/.test(summary)) return 'access';
  if (/^(Ny |Bestilling|Ønsker|20 )/.test(summary)) return 'service_request';
  if (/[Nn]ett/.test(summary)) return 'network';
  return 'hardware';
}

/** The ticket and its later steps (only those before `nowMs`). */
export function planDemoTicket(call: DemoTicketCall, id: string, rng: Rng, nowMs: number): DemoTicketStep[] {
  const category = categoryOf(call.summary);
  const ticket: DemoTicket = {
    id,
    call,
    priority: category === 'service_request' ? 'low' : rng() < 0.25 ? 'high' : 'medium',
    system: systemOf(call.summary),
    category,
    notifyBy: rng() < 0.5 ? 'sms' : 'none',
  };
  // Made while the caller is still on the line, a little before the call ends.
  const createdAt = Math.max(call.takenAt + 20_000, call.endedAt - 45_000);
  const steps: DemoTicketStep[] = [{ at: createdAt, kind: 'create', ticket }];
  const add = (at: number, kind: DemoTicketStepKind) => {
    if (at >= nowMs - MINUTE) return false;
    steps.push({ at, kind, ticket });
    return true;
  };
  // Older tickets have mostly been dealt with; the last two days' are often still new.
  const recent = nowMs - createdAt < 48 * HOUR;
  if (rng() < (recent ? 0.4 : 0.05)) return steps; // nobody has picked it up yet
  const startedAt = createdAt + (5 + rng() * 85) * MINUTE;
  if (!add(startedAt, 'assign')) return steps;
  add(startedAt, 'start');
  const fate = rng();
  if (fate < 0.1) {
    add(startedAt + (1 + rng() * 6) * HOUR, 'plan');
  } else if (fate < (recent ? 0.5 : 0.85)) {
    const resolvedAt = startedAt + (0.5 + rng() * 30) * HOUR;
    if (add(resolvedAt, 'resolve') && rng() < 0.6) add(resolvedAt + (24 + rng() * 72) * HOUR, 'close');
  }
  return steps;
}

const RESOLUTIONS: Record<TicketCategory, string> = {
  access: 'Tilgang gitt etter godkjenning fra leder.',
  service_request: 'Levert og satt opp; innmelder har bekreftet.',
  network: 'Byttet port i svitsjen; forbindelsen er stabil igjen.',
  hardware: 'Utstyret er byttet og testet sammen med innmelder.',
  incident: 'Feilen er rettet.',
  software: 'Programmet er installert og lisensiert.',
  other: 'Ordnet.',
};

export async function runDemoTicketStep(desk: Desk, step: DemoTicketStep): Promise<void> {
  const { ticket } = step;
  const { call } = ticket;
  const at = new Date(step.at).toISOString();
  const ref = { ticketId: ticket.id, at };
  switch (step.kind) {
    case 'create':
      await desk.mutations.run(
        ticketCreate,
        async (manager: EntityManager) => ({
          id: ticket.id,
          at,
          callId: call.id,
          provisionalReference: await nextProvisionalReference(manager, desk.clientId),
          reporterName: call.caller.name,
          reporterPhone: call.caller.number,
          reporterEmail: null,
          customerId: call.caller.customerId,
          workplace: call.caller.workplace,
          title: null,
          description: call.summary,
          priority: ticket.priority,
          system: ticket.system,
          category: ticket.category,
          channel: 'phone' as const,
          device: null,
          notifyBy: ticket.notifyBy,
        }),
        call.by,
      );
      return;
    case 'assign':
      await desk.mutations.run(
        ticketAssign,
        { ...ref, assigneeId: call.by.userId, assigneeName: call.by.name },
        call.by,
      );
      return;
    case 'start':
      await desk.mutations.run(ticketStart, ref, call.by);
      return;
    case 'plan':
      await desk.mutations.run(
        ticketAgreedPlan,
        {
          ...ref,
          agreedWith: 'reporter',
          agreedWithName: call.caller.name,
          plan: 'Utstyr er bestilt; vi avtaler tid for montering når det er kommet.',
          newTargetDate: null,
        },
        call.by,
      );
      return;
    case 'resolve':
      await desk.mutations.run(ticketResolve, { ...ref, resolution: RESOLUTIONS[ticket.category] }, call.by);
      return;
    case 'close':
      await desk.mutations.run(ticketClose, ref, call.by);
      return;
  }
}
