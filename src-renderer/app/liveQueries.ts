// Live screens without polling: the desk says which tables changed
// (desk.changes, a subscription fed by this desk's mutations and by every
// sync) and the queries that read those tables are refetched. The map below
// is the one place that says which procedures read which tables; a query
// whose data only the central store knows (users, audit) is not in it and
// is refreshed by the actions that change it. When the feed (re)connects,
// everything on screen is refetched once, in case a change came meanwhile.
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { SYNC_CONNECTION_TOPIC, SYNC_STATE_TOPIC } from '../../src-shared/sync/status';
import { useTRPC } from './trpc';

type Trpc = ReturnType<typeof useTRPC>;

/** Which queries read each table (by procedure path: every input of them). */
function readers(trpc: Trpc): Record<string, QueryKey[]> {
  const calls = trpc.calls.pathKey();
  const tickets = trpc.tickets.pathKey();
  const reporters = trpc.reporters.pathKey();
  const equipment = trpc.equipment.pathKey();
  const syncStatus = trpc.sync.status.pathKey();
  // The team lead's live view and each person's own figures read calls, tickets, the roster,
  // presence and the shift settings.
  const shifts = trpc.shifts.pathKey();
  const systems = trpc.systems.pathKey();
  return {
    // A taken or finished call moves its agent's presence (i samtale, etterarbeid).
    // A reporter's card in the directory lists the calls from their numbers; a ticket's page shows its call.
    call: [calls, trpc.account.ctiEvents.pathKey(), shifts, reporters, tickets],
    call_event: [calls],
    customer: [calls, tickets, equipment, shifts, reporters],
    workplace: [calls, tickets],
    // Recognised callers show their open tickets in the queue and on the call.
    reporter: [reporters, calls, tickets],
    reporter_phone: [reporters, calls, tickets],
    // A device's and an outage's card list their tickets.
    ticket: [tickets, calls, reporters, equipment, shifts, systems],
    ticket_event: [tickets],
    ticket_message: [tickets],
    // The SLA settings move every open ticket's deadlines; the caller-ID rules and the equipment
    // settings (lifetimes: the warnings) are shared settings too.
    shared_setting: [trpc.sla.pathKey(), tickets, trpc.calls.phoneRules.pathKey(), equipment, shifts],
    equipment_model: [equipment],
    device: [equipment],
    handover: [equipment],
    recycling_batch: [equipment],
    roster_entry: [shifts],
    presence: [shifts],
    desk_link: [shifts],
    equipment_event: [equipment],
    blocked_number: [trpc.calls.phoneRules.pathKey()],
    // The systems register (issue 16): its pages read systems, roles, outages, windows and notices
    // together (a system's card lists its windows and outages, the uptime report reads them all).
    business_system: [systems],
    system_customer: [systems],
    outage: [systems],
    maintenance_window: [systems],
    notice: [systems],
    notice_update: [systems],
    system_event: [systems],
    // The e-mail and web channels (issue 17): the inbound mailbox's record (admins, team leads) and
    // the tickets' files (the ticket page lists them; a reporter's message brings more).
    inbound_mail: [trpc.intake.inbound.pathKey()],
    ticket_attachment: [tickets, trpc.intake.attachments.pathKey()],
    outbox: [syncStatus, trpc.desk.info.pathKey()],
    rejected_mutation: [syncStatus, trpc.sync.rejected.pathKey()],
    [SYNC_STATE_TOPIC]: [syncStatus],
    [SYNC_CONNECTION_TOPIC]: [syncStatus, trpc.account.status.pathKey()],
  };
}

/** Keeps every query on screen in step with the desk; mount once, in the signed-in shell. */
export function useLiveQueries(): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useSubscription(
    trpc.desk.changes.subscriptionOptions(undefined, {
      onData: ({ tables, connected }) => {
        if (connected) {
          void queryClient.invalidateQueries();
          return;
        }
        const map = readers(trpc);
        const keys = new Map<string, QueryKey>();
        for (const table of tables) for (const key of map[table] ?? []) keys.set(JSON.stringify(key), key);
        for (const queryKey of keys.values()) void queryClient.invalidateQueries({ queryKey });
      },
    }),
  );
}
