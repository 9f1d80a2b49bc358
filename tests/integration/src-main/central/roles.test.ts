// The role matrix (DESIGN.md "Security"; the README's "Role matrix"): every
// central procedure called without a session and as each role; the roles each
// named mutation allows inside a push; and every desk procedure that acts for
// someone. The matrices written here are the README's tables.
import { TRPCClientError } from '@trpc/client';
import { uuidv7 } from 'uuidv7';
import { afterEach, describe, expect, it } from 'vitest';
import { createUser } from '../../../../src-main/central/auth/users';
import { centralRouter, type CentralRouter } from '../../../../src-main/central/router';
import { localRouter } from '../../../../src-main/desk/router';
import { createMailIntake } from '../../../../src-main/central/mail/inbound/intake';
import { TicketAttachment } from '../../../../src-main/store/entities';
import { MUTATIONS, SERVER_MUTATIONS } from '../../../../src-main/domains';
import { referenceRows } from '../../../../src-main/store/referenceData';
import { createCentralClient, type CentralClient } from '../../../../src-main/sync/centralClient';
import { provisionalReference } from '../../../../src-shared/references';
import { DEFAULT_SLA_SETTINGS } from '../../../../src-shared/sla';
import { DEFAULT_EQUIPMENT_SETTINGS } from '../../../../src-shared/equipment/catalogue';
import { osloDay } from '../../../../src-shared/equipment/rules';
import { ROLES, type Role } from '../../../../src-shared/roles';
import { addWeeks } from '../../../../src-shared/shifts/roster';
import type { PushedMutation, PushResult } from '../../../../src-shared/sync/protocol';
import {
  centralUser,
  ENGINES,
  pushedMutation as mutation,
  startTestCentral,
  type TestCentral,
} from '../../../support/central';
import { csvBase64, deviceInput, MODELS, MOLDE, saveModels } from '../../../support/equipment';
import {
  minutesAgo,
  removeDir,
  signIn,
  startDesk,
  tempDir,
  TEST_PASSWORD,
  type RunningDesk,
} from '../../../support/tempDesk';

type Who = 'none' | Role;
const WHO: Who[] = ['none', ...ROLES];
/** A roster week the pushes and the desk's calls set and copy. */
const ROSTER_MONDAY = '2026-12-07';

// ---- Central procedures: ✓ allowed, 401 no valid session, 403 the role may not. ----
type Outcome = '✓' | '401' | '403';
const row = (none: Outcome, agent: Outcome, technician: Outcome, teamLead: Outcome, admin: Outcome) =>
  ({ none, agent, technician, team_lead: teamLead, admin }) as Record<Who, Outcome>;
const EVERYONE = row('✓', '✓', '✓', '✓', '✓');
const SIGNED_IN = row('401', '✓', '✓', '✓', '✓');
const ADMIN_ONLY = row('401', '403', '403', '403', '✓');
const SHIFT_LEADS = row('401', '403', '403', '✓', '✓');

const CENTRAL_MATRIX: Record<string, Record<Who, Outcome>> = {
  'auth.status': EVERYONE,
  // Public, but only while no user exists: afterwards it is refused to everyone.
  'auth.setupFirstAdmin': row('403', '403', '403', '403', '403'),
  'auth.login': EVERYONE,
  'auth.me': SIGNED_IN,
  // Names and roles of the people a ticket can be assigned to.
  'auth.staff': SIGNED_IN,
  'sync.push': SIGNED_IN,
  'sync.pull': SIGNED_IN,
  'sync.snapshotInfo': SIGNED_IN,
  'sync.snapshot': SIGNED_IN,
  'sync.onChange': SIGNED_IN,
  'admin.users': ADMIN_ONLY,
  'admin.createUser': ADMIN_ONLY,
  'admin.setUserActive': ADMIN_ONLY,
  'admin.updateUser': ADMIN_ONLY,
  'admin.resetPassword': ADMIN_ONLY,
  'admin.ctiEvents': ADMIN_ONLY,
  'admin.audit': ADMIN_ONLY,
  // The wall screens' tokens: team leads and admins (issue 15).
  'wallboards.list': SHIFT_LEADS,
  'wallboards.create': SHIFT_LEADS,
  'wallboards.revoke': SHIFT_LEADS,
  // A ticket's file (issue 17): whoever may read the ticket.
  'attachments.get': SIGNED_IN,
  // Last: it ends the session the other calls used.
  'auth.logout': SIGNED_IN,
};

// ---- Named mutations inside a push: ✓ applied, 'forbidden' rejected for the role. ----
type MutationOutcome = '✓' | 'forbidden';
const mrow = (
  agent: MutationOutcome,
  technician: MutationOutcome,
  teamLead: MutationOutcome,
  admin: MutationOutcome,
) => ({ agent, technician, team_lead: teamLead, admin }) as Record<Role, MutationOutcome>;
const CALL_WORK = mrow('✓', 'forbidden', '✓', 'forbidden');
const TICKET_WORK = mrow('✓', '✓', '✓', 'forbidden');
const LEADS = mrow('forbidden', 'forbidden', '✓', '✓');
const ADMINS = mrow('forbidden', 'forbidden', 'forbidden', '✓');
const EQUIPMENT_WORK = mrow('forbidden', '✓', '✓', '✓');
const MUTATION_ROLES: Record<string, Record<Role, MutationOutcome>> = {
  'call.log': CALL_WORK,
  'call.take': CALL_WORK,
  'call.update': CALL_WORK,
  'call.finish': CALL_WORK,
  'call.abandon': CALL_WORK,
  'call.calledBack': CALL_WORK,
  // The phone system's block list and outbound caller-ID rules are the administrator's.
  'call.blockNumber': ADMINS,
  'call.unblockNumber': ADMINS,
  'call.setCallerIdRules': ADMINS,
  'sla.setSettings': LEADS,
  'ticket.create': TICKET_WORK,
  'ticket.edit': TICKET_WORK,
  'ticket.assign': TICKET_WORK,
  'ticket.start': TICKET_WORK,
  'ticket.agreedPlan': TICKET_WORK,
  'ticket.temporarySolution': TICKET_WORK,
  'ticket.resume': TICKET_WORK,
  'ticket.resolve': TICKET_WORK,
  'ticket.close': TICKET_WORK,
  'ticket.reopen': TICKET_WORK,
  'ticket.respond': TICKET_WORK,
  'ticket.note': TICKET_WORK,
  'ticket.work': TICKET_WORK,
  'reporter.import': LEADS,
  'reporter.save': LEADS,
  // The catalogue of approved models and the equipment settings are the team lead's and admin's (R15, R17, R18).
  'equipment.saveModel': LEADS,
  'equipment.importModels': LEADS,
  'equipment.setSettings': LEADS,
  // Devices, handovers and the recycling register: everyone but the agent (R17–R19).
  'equipment.registerDevice': EQUIPMENT_WORK,
  'equipment.importDevices': EQUIPMENT_WORK,
  'equipment.editDevice': EQUIPMENT_WORK,
  'equipment.recommendReplacement': EQUIPMENT_WORK,
  'equipment.handover': EQUIPMENT_WORK,
  'equipment.sendBatch': EQUIPMENT_WORK,
  'equipment.closeBatch': EQUIPMENT_WORK,
  'equipment.confirmWipe': EQUIPMENT_WORK,
  // The shift roster is set by team leads (and admins), issue 15.
  'shifts.setWeek': LEADS,
  'shifts.copyWeek': LEADS,
  // Presence: everyone who answers calls or works tickets has one; the administrator does not.
  'presence.set': TICKET_WORK,
  // The shift's thresholds and alerts are the team lead's (and admin's), issue 15.
  'shifts.setSettings': LEADS,
  // A data restore's approval by the system owner is recorded by whoever works the ticket (R13).
  'ticket.approveRestore': TICKET_WORK,
  // The systems register, outages, windows and notices are the team lead's and admin's (issue 16) ...
  'systems.save': LEADS,
  'systems.setRoles': LEADS,
  'systems.removeCustomer': LEADS,
  'outage.record': LEADS,
  'outage.edit': LEADS,
  'outage.confirm': LEADS,
  'outage.dismiss': LEADS,
  'window.save': LEADS,
  'window.cancel': LEADS,
  'notice.publish': LEADS,
  'notice.update': LEADS,
  // ... and whoever works tickets links one to an outage or a notice (R14).
  'outage.linkTicket': TICKET_WORK,
  'notice.linkTicket': TICKET_WORK,
};
// The central store's own mutations (phone-system events, message delivery) are not in the desks'
// registry: pushed by name, they are unknown to every role, like a mutation from a newer version.
/** Every domain's server-only mutations: a new one must be added to the names below. */
const SERVER_ONLY = [...SERVER_MUTATIONS.values()];
const SERVER_ONLY_ROLES: Record<string, Record<Role, 'versionNotSupported'>> = Object.fromEntries(
  [
    'call.phoneEvent',
    'ticket.messageClaim',
    'ticket.messageSent',
    'ticket.messageAttemptFailed',
    'presence.link',
    'outage.suspect',
    'outage.probeRecovered',
    'mail.receive',
    'mail.setAside',
    'intake.webTicket',
    'intake.reporterReply',
  ].map((n) => [
    n,
    {
      agent: 'versionNotSupported',
      technician: 'versionNotSupported',
      team_lead: 'versionNotSupported',
      admin: 'versionNotSupported',
    },
  ]),
);

// ---- Desk (local router) procedures that act for someone: 'sign in' = nobody signed in on the desk. ----
type LocalOutcome = '✓' | 'sign in' | '403';
const lrow = (agent: LocalOutcome, technician: LocalOutcome, teamLead: LocalOutcome, admin: LocalOutcome) =>
  ({ none: 'sign in', agent, technician, team_lead: teamLead, admin }) as Record<Who, LocalOutcome>;
const CALL_HANDLERS = lrow('✓', '403', '✓', '403');
const TICKET_WORKERS = lrow('✓', '✓', '✓', '403');
const ANY_ROLE = lrow('✓', '✓', '✓', '✓');
const ADMIN_ONLY_HERE = lrow('403', '403', '403', '✓');
const LEADS_HERE = lrow('403', '403', '✓', '✓');
const EQUIPMENT_WORKERS = lrow('403', '✓', '✓', '✓');
const LOCAL_MATRIX: Record<string, Record<Who, LocalOutcome>> = {
  // Reading call data needs someone signed in (R27), whatever the role.
  'calls.queue': ANY_ROLE,
  'calls.get': ANY_ROLE,
  'calls.history': ANY_ROLE,
  'calls.customers': ANY_ROLE,
  'calls.current': ANY_ROLE,
  'calls.takeNext': CALL_HANDLERS,
  'calls.update': CALL_HANDLERS,
  'calls.finish': CALL_HANDLERS,
  'calls.log': CALL_HANDLERS,
  'calls.take': CALL_HANDLERS,
  'calls.abandon': CALL_HANDLERS,
  // The call-back list: anyone may read it; marking a call as called back is the call handlers' work.
  'calls.missed': ANY_ROLE,
  'calls.calledBack': CALL_HANDLERS,
  // The phone rules (block list, caller-ID rules): the administrator reads and changes them.
  'calls.phoneRules': ADMIN_ONLY_HERE,
  'calls.blockNumber': ADMIN_ONLY_HERE,
  'calls.unblockNumber': ADMIN_ONLY_HERE,
  'calls.setCallerIdRules': ADMIN_ONLY_HERE,
  // Tickets: everyone reads them; everyone but the admin works them (R5–R12).
  'tickets.list': ANY_ROLE,
  'tickets.get': ANY_ROLE,
  'tickets.forCall': ANY_ROLE,
  'tickets.systems': ANY_ROLE,
  'tickets.staff': ANY_ROLE,
  'tickets.create': TICKET_WORKERS,
  'tickets.edit': TICKET_WORKERS,
  'tickets.assign': TICKET_WORKERS,
  'tickets.start': TICKET_WORKERS,
  'tickets.agreedPlan': TICKET_WORKERS,
  'tickets.temporarySolution': TICKET_WORKERS,
  'tickets.resume': TICKET_WORKERS,
  'tickets.resolve': TICKET_WORKERS,
  'tickets.close': TICKET_WORKERS,
  'tickets.reopen': TICKET_WORKERS,
  'tickets.respond': TICKET_WORKERS,
  'tickets.note': TICKET_WORKERS,
  'tickets.work': TICKET_WORKERS,
  'tickets.approveRestore': TICKET_WORKERS,
  // The reporter directory: recognising callers is everyone's; importing it is the team lead's and admin's.
  'reporters.count': ANY_ROLE,
  'reporters.recognize': ANY_ROLE,
  'reporters.importCsv': lrow('403', '403', '✓', '✓'),
  // Browsing the directory is everyone's; adding and correcting reporters the team lead's and admin's (issue 18).
  'reporters.list': ANY_ROLE,
  'reporters.get': ANY_ROLE,
  'reporters.save': lrow('403', '403', '✓', '✓'),
  'sla.setSettings': lrow('403', '403', '✓', '✓'),
  // The equipment register: everyone reads it, exports included (R15–R19) ...
  'equipment.search': ANY_ROLE,
  'equipment.device': ANY_ROLE,
  'equipment.summary': ANY_ROLE,
  'equipment.inStock': ANY_ROLE,
  'equipment.models': ANY_ROLE,
  'equipment.modelHistory': ANY_ROLE,
  'equipment.settings': ANY_ROLE,
  'equipment.recycling': ANY_ROLE,
  'equipment.batch': ANY_ROLE,
  'equipment.charges': ANY_ROLE,
  'equipment.chargesCsv': ANY_ROLE,
  'equipment.recyclingCsv': ANY_ROLE,
  'equipment.catalogueCsv': ANY_ROLE,
  // ... the team lead and the admin keep the catalogue and the settings ...
  'equipment.importModels': LEADS_HERE,
  'equipment.saveModel': LEADS_HERE,
  'equipment.setSettings': LEADS_HERE,
  // ... and everyone but the agent registers devices, hands them over and recycles them.
  'equipment.importDevices': EQUIPMENT_WORKERS,
  'equipment.registerDevice': EQUIPMENT_WORKERS,
  'equipment.editDevice': EQUIPMENT_WORKERS,
  'equipment.recommendReplacement': EQUIPMENT_WORKERS,
  'equipment.handover': EQUIPMENT_WORKERS,
  'equipment.sendBatch': EQUIPMENT_WORKERS,
  'equipment.closeBatch': EQUIPMENT_WORKERS,
  'equipment.confirmWipe': EQUIPMENT_WORKERS,
  // The shift roster: everyone reads it; team leads and admins set it (issue 15).
  'shifts.week': ANY_ROLE,
  'shifts.setWeek': LEADS_HERE,
  'shifts.copyWeek': LEADS_HERE,
  'shifts.myPresence': ANY_ROLE,
  'shifts.setPresence': TICKET_WORKERS,
  // The live view is the team lead's (R27: others' figures); everyone sees their own day.
  'shifts.live': LEADS_HERE,
  'shifts.myDay': ANY_ROLE,
  'shifts.settings': ANY_ROLE,
  'shifts.setSettings': LEADS_HERE,
  'shifts.daySummary': LEADS_HERE,
  'shifts.daySummaryCsv': LEADS_HERE,
  // The wall screens, forwarded to the central store: team leads and admins.
  'wallboards.list': LEADS_HERE,
  'wallboards.create': LEADS_HERE,
  'wallboards.revoke': LEADS_HERE,
  // The e-mail channel (issue 17): a ticket's files for everyone (opened through the central store);
  // the inbound mailbox's record for team leads and admins.
  'attachments.open': ANY_ROLE,
  'intake.attachments': ANY_ROLE,
  'intake.inbound': LEADS_HERE,
  'sync.syncNow': ANY_ROLE,
  'sync.rejected': ANY_ROLE,
  'sync.dismissRejected': ANY_ROLE,
  'account.users': lrow('403', '403', '403', '✓'),
  'account.createUser': lrow('403', '403', '403', '✓'),
  'account.setUserActive': lrow('403', '403', '403', '✓'),
  'account.updateUser': lrow('403', '403', '403', '✓'),
  'account.resetPassword': lrow('403', '403', '403', '✓'),
  'account.audit': lrow('403', '403', '403', '✓'),
  'account.ctiEvents': lrow('403', '403', '403', '✓'),
  'account.logout': ANY_ROLE,
  // The systems register (issue 16): everyone reads it, uptime included; team leads and admins keep
  // it; whoever works tickets links one to an outage or a notice (R14).
  'systems.list': ANY_ROLE,
  'systems.card': ANY_ROLE,
  'systems.rolesAt': ANY_ROLE,
  'systems.lackingOwner': ANY_ROLE,
  'systems.outages': ANY_ROLE,
  'systems.outage': ANY_ROLE,
  'systems.windows': ANY_ROLE,
  'systems.notices': ANY_ROLE,
  'systems.notice': ANY_ROLE,
  'systems.noticesFor': ANY_ROLE,
  'systems.uptimeYear': ANY_ROLE,
  'systems.uptimeMonth': ANY_ROLE,
  'systems.save': LEADS_HERE,
  'systems.setRoles': LEADS_HERE,
  'systems.removeCustomer': LEADS_HERE,
  'systems.recordOutage': LEADS_HERE,
  'systems.editOutage': LEADS_HERE,
  'systems.confirmOutage': LEADS_HERE,
  'systems.dismissOutage': LEADS_HERE,
  'systems.saveWindow': LEADS_HERE,
  'systems.cancelWindow': LEADS_HERE,
  'systems.publishNotice': LEADS_HERE,
  'systems.updateNotice': LEADS_HERE,
  'systems.linkOutage': TICKET_WORKERS,
  'systems.linkNotice': TICKET_WORKERS,
};

/** An e-mail with a file, taken in by the central store's intake: the file's id (issue 17). */
async function mailedFile(central: TestCentral): Promise<string> {
  const intake = createMailIntake({
    store: central.server.store,
    serverMutations: central.server.serverMutations,
    quiet: true,
  });
  const raw = [
    'From: ola@aukra.kommune.example',
    'Subject: Skjermbilde',
    `Message-ID: <${uuidv7()}@aukra.kommune.example>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain',
    '',
    'Se vedlegget.',
    '--b',
    'Content-Type: text/plain; name="logg.txt"',
    'Content-Disposition: attachment; filename="logg.txt"',
    '',
    'feil 42',
    '--b--',
    '',
  ].join('\r\n');
  await intake.handle(Buffer.from(raw), { internalDate: null });
  const [file] = await central.server.store.dataSource.manager.find(TicketAttachment);
  return file!.id;
}

function codeOf(e: unknown): string {
  if (!(e instanceof TRPCClientError)) throw e;
  return (e as TRPCClientError<CentralRouter>).data?.code ?? `no tRPC answer: ${e.message}`;
}

async function outcome(call: () => Promise<unknown>): Promise<Outcome | string> {
  try {
    await call();
    return '✓';
  } catch (e) {
    const code = codeOf(e);
    return code === 'UNAUTHORIZED' ? '401' : code === 'FORBIDDEN' ? '403' : code;
  }
}

/** The first event of the change subscription ('✓'), or the error it ends with. */
function subscribeOutcome(client: CentralClient): Promise<Outcome | string> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      sub.unsubscribe();
      resolve('no event within 10 s');
    }, 10_000);
    const sub = client.sync.onChange.subscribe(
      {},
      {
        onData: () => {
          clearTimeout(timer);
          sub.unsubscribe();
          resolve('✓');
        },
        onError: (e) => {
          clearTimeout(timer);
          sub.unsubscribe();
          const code = codeOf(e);
          resolve(code === 'UNAUTHORIZED' ? '401' : code === 'FORBIDDEN' ? '403' : code);
        },
      },
    );
  });
}

let nextMinute = 0;
const logArgs = (id = uuidv7()) => ({
  id,
  arrivedAt: minutesAgo(300 - nextMinute++),
  callerNumber: '91234567',
});
const now = () => new Date().toISOString();
/** Today in the service's time zone, as the equipment register counts days. */
const today = () => osloDay(now());
const [molde] = referenceRows().customers;
const systemEntry = (id: string, name: string) => ({
  id,
  name,
  supplier: 'Tietoevry',
  description: null,
  criticality: 'critical' as const,
  continuous: true,
  remoteAccess: false,
  probe: null,
});
const outageFields = (systemId: string) => ({
  title: 'Gerica nede',
  description: null,
  startsAt: new Date(Date.now() - 3_600_000).toISOString(),
  endsAt: null,
  systemIds: [systemId],
  customerIds: [],
  planned: false,
  cause: 'unknown' as const,
  announcedAt: null,
  shortNoticeReason: null,
});
const noticeFields = (systemId: string) => ({
  title: 'Gerica er utilgjengelig',
  body: 'Vi jobber med saken.',
  state: 'ongoing' as const,
  systemIds: [systemId],
  customerIds: [],
  startsAt: now(),
  endsAt: null,
});
const rolesAtMolde = (systemId: string) => ({
  systemId,
  customerId: MOLDE,
  owner: { name: 'Sissel Systemeier', reporterId: null, contact: 'sissel@molde.kommune.no' },
  responsible: null,
  securityOfficer: null,
  coordinator: null,
});
const weeklyWindow = {
  kind: 'weekly' as const,
  weekday: 2,
  start: '21:00',
  end: '23:00',
  validFrom: '2026-01-01',
  validUntil: null,
  agreedWithName: 'Sissel Systemeier',
  note: null,
};
const ticketFields = {
  reporterName: 'Per Pleier',
  reporterPhone: '91234567',
  reporterEmail: 'per.pleier@molde.kommune.no',
  customerId: molde!.id,
  workplace: 'Molde legevakt',
  description: 'Journalsystemet svarer ikke på legevakten',
  priority: 'high' as const,
  system: 'Journalsystem',
  category: 'incident' as const,
  channel: 'phone' as const,
  notifyBy: 'email' as const,
};
const remoteSession = () => ({
  kind: 'remote_session' as const,
  remote: {
    tool: 'TeamViewer',
    startedAt: now(),
    endedAt: now(),
    work: 'Startet tjenesten på nytt',
    result: 'Virker',
  },
});

let centrals: TestCentral[] = [];
let desks: RunningDesk[] = [];
afterEach(async () => {
  for (const d of desks) await d.stop().catch(() => undefined);
  for (const c of centrals) await c.dispose();
  for (const d of desks) removeDir(d.dataDir);
  centrals = [];
  desks = [];
});

describe.each(ENGINES)('role matrix on %s', (engine) => {
  it('lists every central procedure in the matrix', () => {
    expect(Object.keys(centralRouter._def.procedures).sort()).toEqual(Object.keys(CENTRAL_MATRIX).sort());
  });

  it('checks every central procedure without a session and as each role', async () => {
    const central = await startTestCentral(engine);
    centrals.push(central);
    const clients = { none: createCentralClient(central.url, () => null) } as Record<Who, CentralClient>;
    for (const role of ROLES)
      clients[role] = (await centralUser(central, { username: `the.${role}`, role })).client;
    await centralUser(central, { username: 'target', role: 'agent' });
    // Something in the change log, so a subscriber gets an event at once.
    await clients.agent.sync.push.mutate({
      clientId: uuidv7(),
      mutations: [mutation(1, 'call.log', logArgs())],
    });

    const fileId = await mailedFile(central);
    const calls: Record<string, (who: Who, c: CentralClient) => Promise<unknown>> = {
      'auth.status': (_, c) => c.auth.status.query(),
      'auth.setupFirstAdmin': (who, c) =>
        c.auth.setupFirstAdmin.mutate({
          username: `setup.${who}`,
          displayName: 'Second Admin',
          password: TEST_PASSWORD,
        }),
      'auth.login': (who, c) =>
        c.auth.login.mutate({ username: `the.${who === 'none' ? 'agent' : who}`, password: TEST_PASSWORD }),
      'auth.me': (_, c) => c.auth.me.query(),
      'auth.staff': (_, c) => c.auth.staff.query(),
      'sync.push': (_, c) =>
        c.sync.push.mutate({ clientId: uuidv7(), mutations: [mutation(1, 'call.log', logArgs())] }),
      'sync.pull': (_, c) => c.sync.pull.query({ cursor: 0 }),
      'sync.snapshotInfo': (_, c) => c.sync.snapshotInfo.query(),
      'sync.snapshot': (_, c) => c.sync.snapshot.query({ entity: 'call', afterId: null }),
      'admin.users': (_, c) => c.admin.users.query(),
      'admin.createUser': (who, c) =>
        c.admin.createUser.mutate({
          username: `made.by.${who}`,
          displayName: 'Made Here',
          role: 'agent',
          password: TEST_PASSWORD,
        }),
      'admin.setUserActive': (_, c) => c.admin.setUserActive.mutate({ username: 'target', active: true }),
      'admin.updateUser': (_, c) =>
        c.admin.updateUser.mutate({ username: 'target', role: 'agent', phone: '2100' }),
      'admin.resetPassword': (_, c) =>
        c.admin.resetPassword.mutate({ username: 'target', password: TEST_PASSWORD }),
      'admin.ctiEvents': (_, c) => c.admin.ctiEvents.query({}),
      'admin.audit': (_, c) => c.admin.audit.query({}),
      'wallboards.list': (_, c) => c.wallboards.list.query(),
      'attachments.get': (_, c) => c.attachments.get.query({ id: fileId }),
      'wallboards.create': (who, c) => c.wallboards.create.mutate({ name: `Skjerm for ${who}` }),
      // Revokes a screen the caller may make (refused before that for the others).
      'wallboards.revoke': async (who, c) =>
        c.wallboards.revoke.mutate({
          id: (await c.wallboards.create.mutate({ name: `Tilbakekalt av ${who}` })).id,
        }),
      'auth.logout': (_, c) => c.auth.logout.mutate(),
    };
    const seen: Record<string, Record<Who, string>> = {};
    for (const path of Object.keys(CENTRAL_MATRIX)) {
      seen[path] = {} as Record<Who, string>;
      for (const who of WHO) {
        seen[path][who] =
          path === 'sync.onChange'
            ? await subscribeOutcome(clients[who])
            : await outcome(() => calls[path]!(who, clients[who]));
      }
    }
    expect(seen).toEqual(CENTRAL_MATRIX);

    // What the allowed calls did: only the admin created a user; every session is over now.
    const admin = await clients.none.auth.login
      .mutate({ username: 'the.admin', password: TEST_PASSWORD })
      .then((s) => createCentralClient(central.url, () => s.token));
    const users = await admin.admin.users.query();
    expect(
      users.map((u) => u.username).filter((u) => u.startsWith('made.by.') || u.startsWith('setup.')),
    ).toEqual(['made.by.admin']);
    // The staff list names the people who work tickets (not the admins), and nothing but names and roles.
    const staff = await admin.auth.staff.query();
    expect(staff.map((p) => p.role).sort()).toEqual(['agent', 'agent', 'agent', 'team_lead', 'technician']);
    for (const p of staff) expect(Object.keys(p).sort()).toEqual(['displayName', 'id', 'role']);
    for (const role of ROLES) expect(await outcome(() => clients[role].auth.me.query())).toBe('401');
  });

  it('checks each named mutation’s roles inside a push', async () => {
    // Every mutation a desk may push is in the matrix.
    expect([...MUTATIONS.keys()].sort()).toEqual(Object.keys(MUTATION_ROLES).sort());
    const central = await startTestCentral(engine);
    centrals.push(central);
    // The approved model the devices below are of, in the catalogue before anyone's turn.
    const keeper = await centralUser(central, { username: 'catalogue.keeper', role: 'team_lead' });
    const seeded = await keeper.client.sync.push.mutate({
      clientId: uuidv7(),
      mutations: [mutation(1, 'equipment.saveModel', { at: now(), model: { ...MODELS.elitebook } })],
    });
    expect(seeded.results.map((r) => r.status)).toEqual(['applied']);
    // A system with an ongoing outage and its notice, for everyone's tickets to name and link (issue 16).
    const [s0, o0, n0] = [uuidv7(), uuidv7(), uuidv7()];
    const registered = await keeper.client.sync.push.mutate({
      clientId: uuidv7(),
      mutations: [
        mutation(1, 'systems.save', { at: now(), system: systemEntry(s0, 'Gerica') }),
        mutation(2, 'outage.record', { at: now(), id: o0, outage: outageFields(s0), fromTicketId: null }),
        mutation(3, 'notice.publish', { at: now(), id: n0, notice: noticeFields(s0), outageId: o0 }),
      ],
    });
    expect(registered.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const seen: Record<string, Record<Role, string>> = Object.fromEntries(
      Object.keys(MUTATION_ROLES).map((name) => [name, {} as Record<Role, string>]),
    );
    for (const role of ROLES) {
      const { client, userId } = await centralUser(central, { username: `the.${role}`, role });
      const [x, y, t, u, b] = [uuidv7(), uuidv7(), uuidv7(), uuidv7(), uuidv7()];
      // The equipment register's ids: an old device, one in stock, the handover and the recycling batch.
      const [old, stock, h, batchId] = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
      // The systems register's ids: a system, its window, an outage and a notice.
      const [sys, win, out, note] = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
      const clientId = uuidv7();
      const ref = (n: number) => provisionalReference(clientId, n);
      // A whole shift in one batch: log X, take it, note, finish; log Y, the caller hangs up, call them back;
      // block a number B and unblock it, set the caller-ID rules; change the SLA settings; ticket T through
      // its whole life; ticket U resolved and closed; import a reporter; add two approved models and change
      // the equipment settings; register an old device in use and import one into stock, edit the old one,
      // recommend replacing it, hand it in for the one in stock, confirm its wipe, send it to the recycler
      // and close the batch with the certificate.
      const steps: Array<[string, unknown]> = [
        ['call.log', logArgs(x)],
        ['call.take', { callId: x, at: now() }],
        ['call.update', { callId: x, at: now(), summary: 'Passord tilbakestilt' }],
        ['call.finish', { callId: x, outcome: 'solved', endedAt: now() }],
        ['call.log', logArgs(y)],
        ['call.abandon', { callId: y, at: now() }],
        ['call.calledBack', { callId: y, at: now() }],
        [
          'call.blockNumber',
          { id: b, number: '91234567', reason: 'Trakassering', expiresAt: null, at: now() },
        ],
        ['call.unblockNumber', { id: b }],
        ['call.setCallerIdRules', { rules: [{ prefix: '+47', callerId: '4771111100' }], at: now() }],
        ['sla.setSettings', { settings: DEFAULT_SLA_SETTINGS, at: now() }],
        ['ticket.create', { ...ticketFields, id: t, at: now(), callId: null, provisionalReference: ref(1) }],
        ['ticket.edit', { ticketId: t, at: now(), title: 'Journal nede på legevakten', device: 'PC-114' }],
        // To the pusher's own account: the central store assigns only to accounts it knows (issue 13, item 6).
        ['ticket.assign', { ticketId: t, at: now(), assigneeId: userId, assigneeName: 'Tore Tekniker' }],
        ['ticket.start', { ticketId: t, at: now() }],
        [
          'ticket.agreedPlan',
          {
            ticketId: t,
            at: now(),
            agreedWith: 'system_owner',
            agreedWithName: 'Sissel Systemeier',
            plan: 'Leverandøren retter feilen i neste versjon',
            newTargetDate: '2026-02-01',
          },
        ],
        [
          'ticket.temporarySolution',
          { ticketId: t, at: now(), description: 'Papirjournal til det er rettet' },
        ],
        ['ticket.resume', { ticketId: t, at: now(), reason: 'Ny versjon er kommet' }],
        ['ticket.respond', { ticketId: t, at: now(), channel: 'phone', text: 'Ringte og forklarte planen' }],
        [
          'ticket.note',
          { ticketId: t, at: now(), noteId: uuidv7(), visibility: 'reporter', text: 'Vi jobber med saken' },
        ],
        ['ticket.work', { ticketId: t, at: now(), workId: uuidv7(), work: remoteSession() }],
        ['ticket.resolve', { ticketId: t, at: now(), resolution: 'Oppdatert til ny versjon' }],
        ['ticket.reopen', { ticketId: t, at: now(), reason: 'Feilen kom tilbake' }],
        ['outage.linkTicket', { ticketId: t, at: now(), outageId: o0 }],
        ['notice.linkTicket', { ticketId: t, at: now(), noticeId: n0 }],
        // U is a data restore: it leaves "new" only once the system owner's approval is recorded (R13).
        [
          'ticket.create',
          {
            ...ticketFields,
            id: u,
            at: now(),
            callId: null,
            provisionalReference: ref(2),
            kind: 'dataRestore',
            systemId: s0,
          },
        ],
        [
          'ticket.approveRestore',
          {
            ticketId: u,
            at: now(),
            approval: { approvedByName: 'Sissel Systemeier', approvedAt: now(), method: 'email', note: null },
          },
        ],
        ['ticket.resolve', { ticketId: u, at: now(), resolution: 'Løst på telefon' }],
        ['ticket.close', { ticketId: u, at: now() }],
        [
          'reporter.import',
          {
            at: now(),
            reporters: [
              {
                id: uuidv7(),
                name: 'Per Pleier',
                customerId: molde!.id,
                workplace: 'Molde legevakt',
                email: 'per.pleier@molde.kommune.no',
                phones: ['91234567', '71112222'],
              },
            ],
          },
        ],
        [
          'reporter.save',
          {
            at: now(),
            reporter: {
              id: uuidv7(),
              name: `Nina ${role}`,
              customerId: molde!.id,
              workplace: 'Molde rådhus',
              email: null,
              phones: [`4545454${ROLES.indexOf(role)}`],
            },
          },
        ],
        [
          'equipment.saveModel',
          { at: now(), model: { ...MODELS.elitebook, id: uuidv7(), name: `EliteBook 860 G10 ${role}` } },
        ],
        [
          'equipment.importModels',
          {
            at: now(),
            models: [{ ...MODELS.oldDesktop, id: uuidv7(), name: `OptiPlex 7010 ${role}` }],
          },
        ],
        ['equipment.setSettings', { at: now(), settings: DEFAULT_EQUIPMENT_SETTINGS }],
        [
          'equipment.registerDevice',
          {
            at: now(),
            device: {
              ...deviceInput({ serial: `OLD-${role}`, status: 'in_use', deliveredDate: '2021-03-01' }),
              id: old,
            },
          },
        ],
        [
          'equipment.importDevices',
          { at: now(), devices: [{ ...deviceInput({ serial: `STOCK-${role}` }), id: stock }] },
        ],
        ['equipment.editDevice', { at: now(), deviceId: old, changes: { notes: 'Nytt tastatur i 2023' } }],
        ['equipment.recommendReplacement', { at: now(), deviceId: old, reason: 'Treg og slitt' }],
        [
          'equipment.handover',
          {
            at: now(),
            handoverId: h,
            customerId: MOLDE,
            workplace: 'Molde rådhus',
            assignedUser: 'Per Pleier',
            assignedReporterId: null,
            newDevice: { kind: 'stock', deviceId: stock },
            oldDevice: { deviceId: old, outcome: 'handed_in', condition: 'working', diskRemoved: true },
            ticketId: null,
            visit: null,
            notes: null,
          },
        ],
        [
          'equipment.confirmWipe',
          {
            at: now(),
            deviceId: old,
            method: 'own_wipe',
            tool: 'Blancco Drive Eraser',
            wipedBy: 'Tore Tekniker',
            wipedOn: today(),
          },
        ],
        [
          'equipment.sendBatch',
          { at: now(), batchId, sentDate: today(), recycler: 'Retura Norsk Gjenvinning', deviceIds: [old] },
        ],
        [
          'equipment.closeBatch',
          {
            at: now(),
            batchId,
            certificateReference: `CERT-${role}`,
            destructionMethod: 'Makulert',
            wipedByRecycler: false,
          },
        ],
        [
          'shifts.setWeek',
          {
            at: now(),
            monday: ROSTER_MONDAY,
            entries: [{ userId, userName: `The ${role}`, day: ROSTER_MONDAY, duty: 'phone' }],
          },
        ],
        ['shifts.copyWeek', { at: now(), from: ROSTER_MONDAY, to: addWeeks(ROSTER_MONDAY, 1) }],
        ['presence.set', { at: now(), state: 'break' }],
        [
          'shifts.setSettings',
          {
            at: now(),
            settings: {
              answerWithinSeconds: 45,
              longWaitSeconds: 120,
              alertAtRisk: true,
              alertBreached: true,
              alertDeskOffline: false,
            },
          },
        ],
        // The systems register: a system, its roles at Molde, a weekly window, an outage, its notice.
        ['systems.save', { at: now(), system: systemEntry(sys, `Elements ${role}`) }],
        [
          'systems.setRoles',
          {
            at: now(),
            systemId: sys,
            customerId: MOLDE,
            owner: { name: 'Sissel Systemeier', reporterId: null, contact: null },
            responsible: null,
            securityOfficer: null,
            coordinator: null,
          },
        ],
        [
          'window.save',
          {
            at: now(),
            id: win,
            systemId: sys,
            window: {
              kind: 'weekly',
              weekday: 2,
              start: '21:00',
              end: '23:00',
              validFrom: '2026-01-01',
              validUntil: null,
              agreedWithName: 'Sissel Systemeier',
              note: null,
            },
          },
        ],
        ['window.cancel', { at: now(), windowId: win }],
        ['outage.record', { at: now(), id: out, outage: outageFields(sys), fromTicketId: null }],
        ['outage.edit', { at: now(), outageId: out, patch: { title: 'Elements svarer ikke' } }],
        ['outage.confirm', { at: now(), outageId: out, cause: 'infrastructure' }],
        ['outage.dismiss', { at: now(), outageId: out, reason: 'Feil i overvåkingen' }],
        ['notice.publish', { at: now(), id: note, notice: noticeFields(sys), outageId: out }],
        ['notice.update', { at: now(), noticeId: note, state: 'resolved', text: 'Virker igjen' }],
        ['systems.removeCustomer', { at: now(), systemId: sys, customerId: MOLDE }],
      ];
      const batch = steps.map(([name, args], i) => mutation(i + 1, name, args));
      expect(new Set(batch.map((b) => b.name))).toEqual(new Set(Object.keys(MUTATION_ROLES)));
      const { results } = await client.sync.push.mutate({ clientId, mutations: batch });
      results.forEach((r, i) => {
        const name = batch[i]!.name;
        const got = r.status === 'applied' ? '✓' : r.status === 'rejected' ? r.code : r.status;
        seen[name]![role] ??= got;
        expect(got, `${name} as ${role}`).toBe(seen[name]![role]);
      });
      // Where tickets were made, the central store numbered them and said so in the push's answer.
      const created = results.filter((r, i) => batch[i]!.name === 'ticket.create' && r.status === 'applied');
      expect(created.map((r) => r.status === 'applied' && r.result)).toEqual(
        MUTATION_ROLES['ticket.create']![role] === '✓'
          ? [
              { id: t, reference: expect.stringMatching(/^RI-\d{4}-\d{6}$/), provisionalReference: ref(1) },
              { id: u, reference: expect.stringMatching(/^RI-\d{4}-\d{6}$/), provisionalReference: ref(2) },
            ]
          : [],
      );
    }
    expect(seen).toEqual(MUTATION_ROLES);
    // What the equipment mutations did: for each role that may, the old device went all the way to
    // recycled and the one from stock into use; the agent's left nothing.
    // (Sorted here: PostgreSQL's collation orders '-' and '_' otherwise than SQLite.)
    const bySerial = (p: { serial: string }, q: { serial: string }) => (p.serial < q.serial ? -1 : 1);
    const devices: Array<{ serial: string; status: string }> =
      await central.server.store.dataSource.manager.query(`SELECT serial, status FROM device`);
    expect(devices.sort(bySerial)).toEqual(
      ROLES.filter((r) => MUTATION_ROLES['equipment.handover']![r] === '✓')
        .flatMap((r) => [
          { serial: `OLD-${r}`, status: 'recycled' },
          { serial: `STOCK-${r}`, status: 'in_use' },
        ])
        .sort(bySerial),
    );
  });

  it('answers the central store’s own mutations versionNotSupported to every role (no desk can push them)', async () => {
    const central = await startTestCentral(engine);
    centrals.push(central);
    expect(SERVER_ONLY.map((m) => m.name).sort()).toEqual(Object.keys(SERVER_ONLY_ROLES).sort());
    for (const m of SERVER_ONLY) expect(MUTATIONS.has(m.name), m.name).toBe(false);
    const seen: Record<string, Record<Role, string>> = {};
    for (const role of ROLES) {
      const { client } = await centralUser(central, { username: `the.${role}`, role });
      for (const m of SERVER_ONLY) {
        // Each in a push of its own: an unknown mutation stops the batch.
        const { results, lastSeq } = await client.sync.push.mutate({
          clientId: uuidv7(),
          mutations: [mutation(1, m.name, {})],
        });
        expect(results[0], `${m.name} as ${role}`).toMatchObject({ reason: `Unknown mutation ${m.name}` });
        expect(lastSeq).toBe(0);
        (seen[m.name] ??= {} as Record<Role, string>)[role] = results[0]!.status;
      }
    }
    expect(seen).toEqual(SERVER_ONLY_ROLES);
    // Nothing of them was applied or audited.
    expect(
      Number((await central.server.store.dataSource.manager.query(`SELECT count(*) AS n FROM audit`))[0].n),
    ).toBe(0);
  });

  it('refuses a technician’s call.log, an agent’s out-of-turn override and an agent’s SLA settings', async () => {
    const central = await startTestCentral(engine);
    centrals.push(central);
    const agent = await centralUser(central, { username: 'kari', role: 'agent' });
    const technician = await centralUser(central, { username: 'tore', role: 'technician' });
    const lead = await centralUser(central, { username: 'tone', role: 'team_lead' });
    const [agentDesk, leadDesk] = [uuidv7(), uuidv7()];
    const [first, second] = [uuidv7(), uuidv7()];
    const pushed = async (client: CentralClient, clientId: string, mutations: PushedMutation[]) =>
      (await client.sync.push.mutate({ clientId, mutations })).results;
    const rejectedAs = (r: PushResult | undefined) => (r?.status === 'rejected' ? r : null);

    const [log] = await pushed(technician.client, uuidv7(), [mutation(1, 'call.log', logArgs())]);
    expect(rejectedAs(log)).toMatchObject({
      code: 'forbidden',
      reason: 'call.log is not allowed for the role technician',
    });

    const results = await pushed(agent.client, agentDesk, [
      mutation(1, 'call.log', logArgs(first)),
      mutation(2, 'call.log', logArgs(second)),
      mutation(3, 'call.take', { callId: second, at: now(), override: { reason: 'Legevakt ringer' } }),
      mutation(4, 'call.take', { callId: second, at: now() }),
      mutation(5, 'sla.setSettings', { settings: DEFAULT_SLA_SETTINGS, at: now() }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'rejected', 'rejected', 'rejected']);
    expect(rejectedAs(results[2])).toMatchObject({
      code: 'overrideNotAllowed',
      details: { firstCall: { id: first } },
    });
    expect(rejectedAs(results[3])).toMatchObject({
      code: 'notFirstInQueue',
      details: { firstCall: { id: first } },
    });
    expect(rejectedAs(results[4])).toMatchObject({
      code: 'forbidden',
      reason: 'sla.setSettings is not allowed for the role agent',
    });

    // The team lead may take the second call out of turn, with a reason, and change the settings.
    const byLead = await pushed(lead.client, leadDesk, [
      mutation(1, 'call.take', { callId: second, at: now(), override: { reason: 'Legevakt ringer' } }),
      mutation(2, 'sla.setSettings', { settings: DEFAULT_SLA_SETTINGS, at: now() }),
    ]);
    expect(byLead.map((r) => r.status)).toEqual(['applied', 'applied']);
    const m = central.server.store.dataSource.manager;
    const calls: Array<{ id: string; status: string; override_reason: string | null }> = await m.query(
      `SELECT id, status, override_reason FROM call ORDER BY arrived_at`,
    );
    expect(calls).toEqual([
      { id: first, status: 'waiting', override_reason: null },
      { id: second, status: 'taken', override_reason: 'Legevakt ringer' },
    ]);
  });

  it('checks every desk procedure that acts for someone, signed out and as each role', async () => {
    const central = await startTestCentral(engine);
    centrals.push(central);
    const fileId = await mailedFile(central);
    const fileTicket = (
      await central.server.store.dataSource.manager.findOneByOrFail(TicketAttachment, { id: fileId })
    ).ticketId;
    const d = await startDesk(tempDir(), { centralUrl: central.url });
    desks.push(d);
    const client = d.client;
    await client.account.setupFirstAdmin.mutate({
      username: 'admin',
      displayName: 'Ada Admin',
      password: TEST_PASSWORD,
    });
    await client.account.logout.mutate();
    const staff: Array<[string, Role]> = [
      ['Sara Setup', 'agent'],
      ['Tina Setup', 'team_lead'],
      ...ROLES.map((r) => [`The ${r}`, r] as [string, Role]),
    ];
    for (const [name, role] of staff) {
      const username = name.toLowerCase().replace(/[^a-z0-9]+/g, '.');
      await createUser(central.server.store.dataSource.manager, {
        username,
        displayName: name,
        role,
        password: TEST_PASSWORD,
      });
    }

    // Signed out: exactly the procedures in the matrix ask to sign in first (the rest are the desk's own reads).
    const procedures = localRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;
    const askToSignIn: string[] = [];
    for (const [path, proc] of Object.entries(procedures)) {
      // The change feed (desk.changes) is the desk's own, open like desk.info; it streams, tested apart.
      if (proc._def.type === 'subscription') continue;
      const url = `http://127.0.0.1:${d.host.port}/trpc/${path}`;
      const headers = { authorization: `Bearer ${d.host.token}`, 'content-type': 'application/json' };
      const res = await fetch(
        url,
        proc._def.type === 'query' ? { headers } : { method: 'POST', headers, body: '{}' },
      );
      const body = (await res.json()) as {
        error?: { data: { code: string; domain: { code: string } | null } };
      };
      if (body.error?.data.code === 'PRECONDITION_FAILED' && body.error.data.domain?.code === 'signedOut')
        askToSignIn.push(path);
    }
    expect(askToSignIn.sort()).toEqual(Object.keys(LOCAL_MATRIX).sort());

    const seen: Record<string, Record<Who, string>> = {};
    const record = async (path: string, who: Who, call: () => Promise<unknown>) => {
      const got = await outcome(call);
      const result = got === '✓' || got === '403' ? got : got === 'PRECONDITION_FAILED' ? 'sign in' : got;
      (seen[path] ??= {} as Record<Who, string>)[who] ??= result;
    };
    for (const path of Object.keys(LOCAL_MATRIX))
      seen[path] = { none: askToSignIn.includes(path) ? 'sign in' : '✓' } as Record<Who, string>;

    for (const role of ROLES) {
      // One caller waiting, logged by an agent, before each role's turn.
      await signIn(client, { name: 'Sara Setup', role: 'agent' });
      for (const waiting of await client.calls.queue.query())
        await client.calls.abandon.mutate({ callId: waiting.id });
      const w = await client.calls.log.mutate({ callerNumber: '90000001', arrivedAt: minutesAgo(3) });
      // A caller who hung up (to call back), and a ticket to work on.
      const gone = await client.calls.log.mutate({ callerNumber: '90000004', arrivedAt: minutesAgo(2) });
      await client.calls.abandon.mutate({ callId: gone.id });
      const t = (await client.tickets.create.mutate(ticketFields)).id;
      // The equipment register, kept by a team lead: the catalogue (once); a device in use and one in
      // stock; two handed in, one of them sent to the recycler in a batch.
      await signIn(client, { name: 'Tina Setup', role: 'team_lead' });
      if (role === ROLES[0]) await saveModels(client);
      if (role === ROLES[0])
        await client.reporters.importCsv.mutate({
          csv: 'navn;telefon;arbeidssted;kommune\nSiri Sykepleier;41223344;Molde legevakt;Molde kommune\n',
        });
      const register = async (over: Record<string, unknown> = {}) =>
        (await client.equipment.registerDevice.mutate({ device: deviceInput(over) })).id;
      const inUse = await register({ status: 'in_use', deliveredDate: '2021-03-01' });
      const stock = await register();
      const handedIn = async () => {
        const deviceId = await register({ status: 'in_use' });
        await client.equipment.handover.mutate({
          customerId: MOLDE,
          workplace: 'Hjelset skole',
          assignedUser: 'Lærer Lise',
          assignedReporterId: null,
          newDevice: { kind: 'register', device: { ...deviceInput(), id: uuidv7() } },
          oldDevice: { deviceId, outcome: 'handed_in', condition: 'faulty', diskRemoved: false },
          ticketId: null,
          visit: null,
          notes: null,
        });
        return deviceId;
      };
      const toRecycle = await handedIn();
      const sent = await client.equipment.sendBatch.mutate({
        sentDate: today(),
        recycler: 'Retura Norsk Gjenvinning',
        deviceIds: [await handedIn()],
      });
      // The systems register, kept by the team lead: a system at Molde, its window, an outage, a notice.
      const sys = uuidv7();
      await client.systems.save.mutate({ system: systemEntry(sys, `Gerica ${role}`) });
      await client.systems.setRoles.mutate({ ...rolesAtMolde(sys) });
      const outage = (
        await client.systems.recordOutage.mutate({ outage: outageFields(sys), fromTicketId: null })
      ).id;
      const notice = (
        await client.systems.publishNotice.mutate({ notice: noticeFields(sys), outageId: outage })
      ).id;
      const win = (await client.systems.saveWindow.mutate({ systemId: sys, window: weeklyWindow })).id;
      await signIn(client, { name: `The ${role}`, role });

      await record('calls.queue', role, () => client.calls.queue.query());
      await record('calls.get', role, () => client.calls.get.query({ id: w.id }));
      await record('calls.history', role, () => client.calls.history.query({}));
      await record('calls.customers', role, () => client.calls.customers.query());
      await record('calls.current', role, () => client.calls.current.query());
      await record('calls.takeNext', role, () => client.calls.takeNext.mutate());
      await record('calls.update', role, () =>
        client.calls.update.mutate({ callId: w.id, summary: 'Skriver ikke ut' }),
      );
      await record('calls.finish', role, () =>
        client.calls.finish.mutate({ callId: w.id, outcome: 'solved' }),
      );
      let a = uuidv7();
      await record(
        'calls.log',
        role,
        async () => (a = (await client.calls.log.mutate({ callerNumber: '90000002' })).id),
      );
      await record('calls.take', role, () => client.calls.take.mutate({ callId: a }));
      await client.calls.finish.mutate({ callId: a, outcome: 'solved' }).catch(() => undefined);
      const b = await client.calls.log.mutate({ callerNumber: '90000003' }).then(
        (r) => r.id,
        () => uuidv7(),
      );
      await record('calls.abandon', role, () => client.calls.abandon.mutate({ callId: b }));
      await record('calls.missed', role, () => client.calls.missed.query());
      await record('calls.calledBack', role, () => client.calls.calledBack.mutate({ callId: gone.id }));
      await record('calls.phoneRules', role, () => client.calls.phoneRules.query());
      let blocked = uuidv7();
      await record(
        'calls.blockNumber',
        role,
        async () =>
          (blocked = (await client.calls.blockNumber.mutate({ number: '91234567', reason: 'Trakassering' }))
            .id),
      );
      await record('calls.unblockNumber', role, () => client.calls.unblockNumber.mutate({ id: blocked }));
      await record('calls.setCallerIdRules', role, () => client.calls.setCallerIdRules.mutate({ rules: [] }));

      await record('tickets.list', role, () => client.tickets.list.query({}));
      await record('tickets.get', role, () => client.tickets.get.query({ id: t }));
      await record('tickets.forCall', role, () => client.tickets.forCall.query({ callId: w.id }));
      await record('tickets.systems', role, () => client.tickets.systems.query());
      let assignee = { id: uuidv7(), displayName: 'Tore Tekniker' };
      await record('tickets.staff', role, async () => {
        assignee = (await client.tickets.staff.query()).staff[0] ?? assignee;
      });
      await record('tickets.create', role, () =>
        client.tickets.create.mutate({ ...ticketFields, callId: null }),
      );
      await record('tickets.edit', role, () =>
        client.tickets.edit.mutate({ ticketId: t, title: 'Journal nede på legevakten' }),
      );
      await record('tickets.assign', role, () =>
        client.tickets.assign.mutate({
          ticketId: t,
          assigneeId: assignee.id,
          assigneeName: assignee.displayName,
        }),
      );
      await record('tickets.start', role, () => client.tickets.start.mutate({ ticketId: t }));
      await record('tickets.agreedPlan', role, () =>
        client.tickets.agreedPlan.mutate({
          ticketId: t,
          agreedWith: 'reporter',
          agreedWithName: 'Per Pleier',
          plan: 'Ny PC neste uke',
          newTargetDate: null,
        }),
      );
      await record('tickets.temporarySolution', role, () =>
        client.tickets.temporarySolution.mutate({ ticketId: t, description: 'Låner PC fra naborommet' }),
      );
      await record('tickets.resume', role, () => client.tickets.resume.mutate({ ticketId: t, reason: null }));
      await record('tickets.respond', role, () =>
        client.tickets.respond.mutate({ ticketId: t, channel: 'phone', text: 'Ringte reporter' }),
      );
      await record('tickets.note', role, () =>
        client.tickets.note.mutate({ ticketId: t, visibility: 'internal', text: 'Bestilt ny PC' }),
      );
      await record('tickets.work', role, () =>
        client.tickets.work.mutate({ ticketId: t, work: remoteSession() }),
      );
      await record('tickets.resolve', role, () =>
        client.tickets.resolve.mutate({ ticketId: t, resolution: 'Ny PC satt opp' }),
      );
      await record('tickets.reopen', role, () =>
        client.tickets.reopen.mutate({ ticketId: t, reason: 'Skriveren mangler' }),
      );
      await client.tickets.resolve
        .mutate({ ticketId: t, resolution: 'Skriveren lagt til' })
        .catch(() => undefined);
      await record('tickets.close', role, () => client.tickets.close.mutate({ ticketId: t }));
      await record('tickets.approveRestore', role, async () => {
        const restore = await client.tickets.create.mutate({
          ...ticketFields,
          callId: null,
          kind: 'dataRestore',
          systemId: sys,
        });
        await client.tickets.approveRestore.mutate({
          ticketId: restore.id,
          approval: { approvedByName: 'Sissel Systemeier', approvedAt: now(), method: 'phone', note: null },
        });
      });

      await record('reporters.count', role, () => client.reporters.count.query());
      await record('reporters.recognize', role, () =>
        client.reporters.recognize.query({ number: '91234567' }),
      );
      await record('reporters.importCsv', role, () =>
        client.reporters.importCsv.mutate({
          csv: 'navn;telefon;arbeidssted;kommune;epost\nPer Pleier;912 34 567;Molde legevakt;Molde kommune;per.pleier@molde.kommune.no\n',
        }),
      );
      await record('reporters.list', role, () => client.reporters.list.query({ search: 'Siri' }));
      const [siri] = (await client.reporters.list.query({ search: 'Siri' })).reporters;
      await record('reporters.get', role, () => client.reporters.get.query({ id: siri!.id }));
      await record('reporters.save', role, () =>
        client.reporters.save.mutate({
          reporter: {
            name: `Nina ${role}`,
            customerId: molde!.id,
            workplace: 'Molde rådhus',
            email: null,
            phones: [`4646464${ROLES.indexOf(role)}`],
          },
        }),
      );
      const { settings } = await client.sla.settings.query();
      await record('sla.setSettings', role, () => client.sla.setSettings.mutate({ settings }));

      const month = today().slice(0, 7);
      await record('equipment.search', role, () => client.equipment.search.query({ text: 'SN-' }));
      await record('equipment.device', role, () => client.equipment.device.query({ id: inUse }));
      await record('equipment.summary', role, () => client.equipment.summary.query({ id: inUse }));
      await record('equipment.inStock', role, () => client.equipment.inStock.query());
      await record('equipment.models', role, () => client.equipment.models.query());
      await record('equipment.modelHistory', role, () =>
        client.equipment.modelHistory.query({ id: MODELS.elitebook.id }),
      );
      let equipmentSettings = DEFAULT_EQUIPMENT_SETTINGS;
      await record('equipment.settings', role, async () => {
        const { lifetimeMonths, licenceCharge, wipeOverdueDays } = await client.equipment.settings.query();
        equipmentSettings = { lifetimeMonths, licenceCharge, wipeOverdueDays };
      });
      await record('equipment.recycling', role, () => client.equipment.recycling.query());
      await record('equipment.batch', role, () => client.equipment.batch.query({ id: sent.id }));
      await record('equipment.charges', role, () => client.equipment.charges.query({ month }));
      await record('equipment.chargesCsv', role, () => client.equipment.chargesCsv.mutate({ month }));
      await record('equipment.recyclingCsv', role, () =>
        client.equipment.recyclingCsv.mutate({ from: '2024-01-01', to: today() }),
      );
      await record('equipment.catalogueCsv', role, () => client.equipment.catalogueCsv.mutate());
      await record('equipment.importModels', role, async () => {
        const done = await client.equipment.importModels.mutate({
          base64: csvBase64(
            `kategori;produsent;modell;godkjent fra;bestilles via servicedesk;årsak\nnettbrett;Apple;iPad ${role};1.1.2024;ja;lisens\n`,
          ),
        });
        expect(done).toEqual({ created: 1, changed: 0, same: 0, rejected: [] });
      });
      await record('equipment.saveModel', role, () =>
        client.equipment.saveModel.mutate({
          model: { ...MODELS.elitebook, id: uuidv7(), name: `EliteBook 860 G10 ${role}` },
        }),
      );
      await record('equipment.setSettings', role, () =>
        client.equipment.setSettings.mutate({ settings: equipmentSettings }),
      );
      await record('equipment.importDevices', role, async () => {
        const done = await client.equipment.importDevices.mutate({
          base64: csvBase64(
            `serienummer;produsent;modell;kommune;arbeidssted;status\nIMP-${role};HP;EliteBook 840 G10;Molde kommune;Molde rådhus;på lager\n`,
          ),
        });
        expect(done).toEqual({ imported: 1, alreadyRegistered: [], rejected: [] });
      });
      await record('equipment.registerDevice', role, () =>
        client.equipment.registerDevice.mutate({ device: deviceInput({ serial: `REG-${role}` }) }),
      );
      await record('equipment.editDevice', role, () =>
        client.equipment.editDevice.mutate({ deviceId: inUse, changes: { notes: 'Nytt tastatur i 2023' } }),
      );
      await record('equipment.recommendReplacement', role, () =>
        client.equipment.recommendReplacement.mutate({ deviceId: inUse, reason: 'Treg og slitt' }),
      );
      await record('equipment.handover', role, () =>
        client.equipment.handover.mutate({
          customerId: MOLDE,
          workplace: 'Molde rådhus',
          assignedUser: 'Per Pleier',
          assignedReporterId: null,
          newDevice: { kind: 'stock', deviceId: stock },
          oldDevice: { deviceId: inUse, outcome: 'kept', condition: 'working', diskRemoved: false },
          ticketId: null,
          visit: null,
          notes: null,
        }),
      );
      await record('equipment.confirmWipe', role, () =>
        client.equipment.confirmWipe.mutate({
          deviceId: toRecycle,
          method: 'own_wipe',
          tool: 'Blancco Drive Eraser',
          wipedBy: `The ${role}`,
          wipedOn: today(),
        }),
      );
      await record('equipment.sendBatch', role, () =>
        client.equipment.sendBatch.mutate({
          sentDate: today(),
          recycler: 'Retura Norsk Gjenvinning',
          deviceIds: [toRecycle],
        }),
      );
      await record('equipment.closeBatch', role, () =>
        client.equipment.closeBatch.mutate({
          batchId: sent.id,
          certificateReference: `CERT-${role}`,
          destructionMethod: 'Makulert',
          wipedByRecycler: true,
        }),
      );
      await record('shifts.week', role, () => client.shifts.week.query({}));
      await record('shifts.setWeek', role, () =>
        client.shifts.setWeek.mutate({
          monday: ROSTER_MONDAY,
          entries: [{ userId: uuidv7(), userName: `The ${role}`, day: ROSTER_MONDAY, duty: 'tickets' }],
        }),
      );
      await record('shifts.copyWeek', role, () =>
        client.shifts.copyWeek.mutate({ from: ROSTER_MONDAY, to: addWeeks(ROSTER_MONDAY, 1) }),
      );
      await record('shifts.myPresence', role, () => client.shifts.myPresence.query());
      await record('shifts.setPresence', role, () =>
        client.shifts.setPresence.mutate({ state: 'available' }),
      );
      await record('shifts.live', role, () => client.shifts.live.query());
      await record('shifts.myDay', role, () => client.shifts.myDay.query());
      await record('shifts.settings', role, () => client.shifts.settings.query());
      await record('shifts.setSettings', role, () =>
        client.shifts.setSettings.mutate({
          settings: {
            answerWithinSeconds: 45,
            longWaitSeconds: 120,
            alertAtRisk: true,
            alertBreached: true,
            alertDeskOffline: false,
          },
        }),
      );
      await record('shifts.daySummary', role, () => client.shifts.daySummary.query({}));
      await record('shifts.daySummaryCsv', role, () =>
        client.shifts.daySummaryCsv.mutate({ day: '2026-12-02' }),
      );
      await record('wallboards.list', role, () => client.wallboards.list.query());
      await record('wallboards.create', role, () =>
        client.wallboards.create.mutate({ name: `Skjerm for ${role}` }),
      );
      await record('wallboards.revoke', role, async () =>
        client.wallboards.revoke.mutate({
          id: (await client.wallboards.create.mutate({ name: `Tilbakekalt av ${role}` })).id,
        }),
      );
      await record('sync.syncNow', role, () => client.sync.syncNow.mutate());
      await record('sync.rejected', role, () => client.sync.rejected.query());
      await record('sync.dismissRejected', role, () =>
        client.sync.dismissRejected.mutate({ mutationId: uuidv7() }),
      );
      await record('account.users', role, () => client.account.users.query());
      await record('account.createUser', role, () =>
        client.account.createUser.mutate({
          username: `desk.made.by.${role}`,
          displayName: 'Made Here',
          role: 'agent',
          password: TEST_PASSWORD,
        }),
      );
      await record('account.setUserActive', role, () =>
        client.account.setUserActive.mutate({ username: 'sara.setup', active: true }),
      );
      await record('account.updateUser', role, () =>
        client.account.updateUser.mutate({ username: 'sara.setup', role: 'agent', phone: null }),
      );
      await record('account.resetPassword', role, () =>
        client.account.resetPassword.mutate({ username: 'sara.setup', password: TEST_PASSWORD }),
      );
      await record('account.audit', role, () => client.account.audit.query({}));
      await record('account.ctiEvents', role, () => client.account.ctiEvents.query({}));
      const year = new Date().getFullYear();
      await record('systems.list', role, () => client.systems.list.query());
      await record('systems.card', role, () => client.systems.card.query({ id: sys }));
      await record('systems.rolesAt', role, () =>
        client.systems.rolesAt.query({ systemId: sys, customerId: MOLDE }),
      );
      await record('systems.lackingOwner', role, () => client.systems.lackingOwner.query());
      await record('attachments.open', role, () => client.attachments.open.query({ id: fileId }));
      await record('intake.attachments', role, () =>
        client.intake.attachments.query({ ticketId: fileTicket }),
      );
      await record('intake.inbound', role, () => client.intake.inbound.query({}));
      await record('systems.outages', role, () => client.systems.outages.query());
      await record('systems.outage', role, () => client.systems.outage.query({ id: outage }));
      await record('systems.windows', role, () => client.systems.windows.query());
      await record('systems.notices', role, () => client.systems.notices.query({}));
      await record('systems.notice', role, () => client.systems.notice.query({ id: notice }));
      await record('systems.noticesFor', role, () =>
        client.systems.noticesFor.query({ systemId: sys, customerId: MOLDE }),
      );
      await record('systems.uptimeYear', role, () => client.systems.uptimeYear.query({ year }));
      await record('systems.uptimeMonth', role, () =>
        client.systems.uptimeMonth.query({ year, month: 1, systemId: sys, customerId: MOLDE }),
      );
      await record('systems.save', role, () =>
        client.systems.save.mutate({ system: systemEntry(uuidv7(), `Elements ${role}`) }),
      );
      await record('systems.setRoles', role, () => client.systems.setRoles.mutate({ ...rolesAtMolde(sys) }));
      await record('systems.recordOutage', role, () =>
        client.systems.recordOutage.mutate({ outage: outageFields(sys), fromTicketId: null }),
      );
      await record('systems.editOutage', role, () =>
        client.systems.editOutage.mutate({ outageId: outage, patch: { title: `Gerica nede (${role})` } }),
      );
      await record('systems.confirmOutage', role, () =>
        client.systems.confirmOutage.mutate({ outageId: outage, cause: 'infrastructure' }),
      );
      await record('systems.dismissOutage', role, () =>
        client.systems.dismissOutage.mutate({ outageId: outage, reason: 'Feil i overvåkingen' }),
      );
      await record('systems.saveWindow', role, () =>
        client.systems.saveWindow.mutate({ systemId: sys, window: weeklyWindow }),
      );
      await record('systems.cancelWindow', role, () => client.systems.cancelWindow.mutate({ windowId: win }));
      await record('systems.publishNotice', role, () =>
        client.systems.publishNotice.mutate({ notice: noticeFields(sys), outageId: outage }),
      );
      await record('systems.updateNotice', role, () =>
        client.systems.updateNotice.mutate({ noticeId: notice, state: 'resolved', text: 'Virker igjen' }),
      );
      await record('systems.linkOutage', role, () =>
        client.systems.linkOutage.mutate({ ticketId: t, outageId: outage }),
      );
      await record('systems.linkNotice', role, () =>
        client.systems.linkNotice.mutate({ ticketId: t, noticeId: notice }),
      );
      await record('systems.removeCustomer', role, () =>
        client.systems.removeCustomer.mutate({ systemId: sys, customerId: MOLDE }),
      );
      await record('account.logout', role, () => client.account.logout.mutate());
    }
    expect(seen).toEqual(LOCAL_MATRIX);

    // What the allowed calls did on the desk: each role that works tickets made one, and a data restore
    // it recorded the owner's approval of (still new), and took Sara's through to closed, the admin's turn
    // left its ticket new; two call-backs; one imported reporter.
    const m = d.desk.store.dataSource.manager;
    expect(
      await m.query(
        `SELECT created_by_name AS name, status, count(*) AS n FROM ticket GROUP BY name, status ORDER BY name, status`,
      ),
    ).toEqual([
      { name: 'Sara Setup', status: 'closed', n: 3 },
      { name: 'Sara Setup', status: 'new', n: 1 },
      // The e-mail the central store took in for the files' rows (mailedFile).
      { name: 'Sentralen', status: 'new', n: 1 },
      { name: 'The agent', status: 'new', n: 2 },
      { name: 'The team_lead', status: 'new', n: 2 },
      { name: 'The technician', status: 'new', n: 2 },
    ]);
    expect(
      await m.query(
        `SELECT called_back_by_name AS name FROM call WHERE called_back_at IS NOT NULL ORDER BY name`,
      ),
    ).toEqual([{ name: 'The agent' }, { name: 'The team_lead' }]);
    // The setup's imported reporter, the one imported per role allowed, and one added by hand per role allowed.
    expect(await m.query(`SELECT name, phones FROM reporter ORDER BY name`)).toEqual([
      { name: 'Nina admin', phones: '["+4746464643"]' },
      { name: 'Nina team_lead', phones: '["+4746464642"]' },
      { name: 'Per Pleier', phones: '["+4791234567"]' },
      { name: 'Siri Sykepleier', phones: '["+4741223344"]' },
    ]);
    // The equipment register: the team lead and the admin each added two models; every role but the agent
    // registered and imported a device, handed one over (kept by the customer) for one from stock, confirmed
    // a wipe, sent a batch and closed the one waiting for its certificate.
    const workers = ['The admin', 'The team_lead', 'The technician'];
    expect(
      await m.query(
        `SELECT updated_by_name AS name, count(*) AS n FROM equipment_model GROUP BY updated_by_name ORDER BY updated_by_name`,
      ),
    ).toEqual([
      { name: 'The admin', n: 2 },
      { name: 'The team_lead', n: 2 },
      { name: 'Tina Setup', n: 2 },
    ]);
    expect(
      await m.query(
        `SELECT created_by_name AS name, status, count(*) AS n FROM device WHERE created_by_name <> 'Tina Setup' GROUP BY created_by_name, status ORDER BY created_by_name`,
      ),
    ).toEqual(workers.map((name) => ({ name, status: 'in_stock', n: 2 })));
    expect(
      await m.query(
        `SELECT technician_name AS name, old_outcome AS outcome FROM handover WHERE technician_name <> 'Tina Setup' ORDER BY name`,
      ),
    ).toEqual(workers.map((name) => ({ name, outcome: 'kept' })));
    expect(
      await m.query(`SELECT wiped_by AS name, status FROM device WHERE wiped_by LIKE 'The %' ORDER BY name`),
    ).toEqual(workers.map((name) => ({ name, status: 'in_recycling_batch' })));
    expect(
      await m.query(
        `SELECT created_by_name AS sent, closed_by_name AS closed, certificate_reference AS certificate FROM recycling_batch WHERE created_by_name <> 'Tina Setup' OR closed_by_name IS NOT NULL ORDER BY sent, closed`,
      ),
    ).toEqual([
      ...workers.map((sent) => ({ sent, closed: null, certificate: null })),
      ...workers.map((closed) => ({
        sent: 'Tina Setup',
        closed,
        certificate: `CERT-${closed.slice(4)}`,
      })),
    ]);
    expect(await m.query(`SELECT updated_by AS name FROM shared_setting WHERE key = 'equipment'`)).toEqual([
      { name: 'The admin' },
    ]);
  });
});
