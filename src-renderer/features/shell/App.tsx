// The application shell: who is signed in decides what shows (first-run
// administrator, sign-in, or the desk), then the top bar (navigation by role,
// sync state, the signed-in user, language) and keyboard shortcuts for
// moving between features (Alt+1 … Alt+9, Alt+0 for the tenth; Alt+T for a
// new ticket). A skip link leads past the menu; every change of view gets
// its own page title and puts focus on the view's heading (app/viewFocus).
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Redirect, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { PHONE_RULES_ROLES } from '../../../src-shared/calls/phoneRules';
import {
  CALL_HANDLER_ROLES,
  EQUIPMENT_ROLES,
  PRESENCE_ROLES,
  SHIFT_LEAD_ROLES,
  SLA_SETTINGS_ROLES,
  TICKET_ROLES,
  type Role,
} from '../../../src-shared/roles';
import {
  needsSignInAgain,
  useAccountStatus,
  useSignedOutWatcher,
  useSyncStatus,
  type SignedInUser,
  type SyncStatus,
} from '../../app/account';
import { errorMessage } from '../../app/errors';
import { LanguageSelect } from '../../app/LanguageSelect';
import { useLiveQueries } from '../../app/liveQueries';
import { focusViewHeading, useFocusKeeper, useViewFocus } from '../../app/viewFocus';
import { FirstAdminSetup, LoginScreen, UserMenu } from '../account';
import { AuditPage, UsersPage } from '../admin';
import { CallHistoryPage, CallsPage, PhoneEventsPage, PhoneRulesPage } from '../calls';
import { InboundMailPage } from '../intake';
import {
  BatchPage,
  CataloguePage,
  DevicePage,
  HandoverPage,
  LookupPage,
  RecyclingPage,
  SettingsPage as EquipmentSettingsPage,
} from '../equipment';
import { ReportersPage } from '../reporters';
import { DaySummaryPage, LiveViewPage, PresenceControl, RosterPage, ShiftAlertBanner } from '../shifts';
import { SlaPage } from '../sla';
import {
  LackingOwnerPage,
  NewOutagePage,
  NoticePage,
  NoticesPage,
  OutagePage,
  OutagesPage,
  RegisterPage,
  SystemPage,
  UptimeMonthPage,
  UptimePage,
  UptimeThisYear,
} from '../systems';
import { BootstrapProgress, NeedsAttentionPage, SyncPill } from '../sync';
import { NewTicketFromCallPage, NewTicketPage, TicketList, TicketPage } from '../tickets';
import { NotFound } from './NotFound';

/** Who reads the inbound mailbox's record (the desk's intake.inbound allows these). */
const INBOUND_MAIL_ROLES: readonly Role[] = ['admin', 'team_lead'];

interface NavItem {
  path: string;
  key: string;
  /** A part a later version brings: not in the menu (no link to a placeholder). */
  ready: boolean;
  roles?: readonly Role[];
  badge?: 'rejected';
}

const NAV: readonly NavItem[] = [
  { path: '/', key: 'nav.calls', ready: true },
  { path: '/tickets', key: 'nav.tickets', ready: true },
  { path: '/history', key: 'nav.history', ready: true },
  { path: '/sla', key: 'nav.sla', ready: true },
  { path: '/attention', key: 'nav.attention', ready: true, badge: 'rejected' },
  // The reporter directory: its import is for those who keep the desk's settings (team leads, admins).
  { path: '/reporters', key: 'nav.reporters', ready: true, roles: SLA_SETTINGS_ROLES },
  { path: '/equipment', key: 'nav.equipment', ready: true },
  // The shift roster: everyone reads it; team leads set it (issue 15).
  { path: '/shifts', key: 'nav.shifts', ready: true },
  { path: '/queues', key: 'nav.queues', ready: true, roles: SHIFT_LEAD_ROLES },
  // The systems register, outages, notices and uptime (issue 16): everyone reads; team leads change.
  { path: '/systems', key: 'systems.nav', ready: true },
  { path: '/reports', key: 'nav.reports', ready: false },
  { path: '/admin/users', key: 'nav.users', ready: true, roles: ['admin'] },
  { path: '/admin/audit', key: 'nav.audit', ready: true, roles: ['admin'] },
  { path: '/admin/phone-events', key: 'nav.phoneEvents', ready: true, roles: ['admin'] },
  { path: '/admin/phone-rules', key: 'nav.phoneRules', ready: true, roles: PHONE_RULES_ROLES },
  // The inbound mailbox's record (issue 17): what became of each e-mail, what was set aside.
  { path: '/admin/inbound-mail', key: 'nav.inboundMail', ready: true, roles: INBOUND_MAIL_ROLES },
];

function navFor(role: Role): NavItem[] {
  return NAV.filter((n) => n.ready && (!n.roles || n.roles.includes(role)));
}

/** Where a role starts: a technician does not answer calls, so their own tickets. */
function homeOf(role: Role): string | null {
  return CALL_HANDLER_ROLES.includes(role) || !TICKET_ROLES.includes(role) ? null : '/tickets/mine';
}

/** The first Tab stop: past the menu to the view's heading (the main region when there is none). */
function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      className="skip-link"
      href="#main"
      onClick={(e) => {
        e.preventDefault();
        if (!focusViewHeading()) document.getElementById('main')?.focus();
      }}
    >
      {t('nav.skip')}
    </a>
  );
}

/** Alt+1 … Alt+9 for the first nine entries, Alt+0 for the tenth. */
function shortcutOf(index: number): string | null {
  return index < 9 ? String(index + 1) : index === 9 ? '0' : null;
}

/** A nav entry is current on its own page and on the pages under it (/tickets/…). */
function isCurrent(item: NavItem, location: string): boolean {
  return item.path === '/'
    ? location === '/'
    : location === item.path || location.startsWith(`${item.path}/`);
}

function NavShortcuts({ items, newTicket }: { items: NavItem[]; newTicket: boolean }) {
  const [, navigate] = useLocation();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      // Alt+T: a new ticket (the call panel takes it first to make the ticket from its call).
      if (newTicket && (e.key === 't' || e.key === 'T' || e.code === 'KeyT')) {
        e.preventDefault();
        navigate('/tickets/new');
        return;
      }
      const item = items.find((_, i) => shortcutOf(i) === e.key);
      if (item) {
        e.preventDefault();
        navigate(item.path);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, items, newTicket]);
  return null;
}

function Desk({ user, sync }: { user: SignedInUser; sync: SyncStatus | null }) {
  return (
    <Router hook={useHashLocation}>
      <DeskFrame user={user} sync={sync} />
    </Router>
  );
}

function DeskFrame({ user, sync }: { user: SignedInUser; sync: SyncStatus | null }) {
  const { t } = useTranslation();
  const [location] = useLocation();
  const items = navFor(user.role);
  const isAdmin = user.role === 'admin';
  const keepsDirectory = SLA_SETTINGS_ROLES.includes(user.role);
  const worksTickets = TICKET_ROLES.includes(user.role);
  const worksEquipment = EQUIPMENT_ROLES.includes(user.role);
  const home = homeOf(user.role);
  /** Where an address this role may not see leads. */
  const start = home ?? '/';
  const here = items.find((item) => isCurrent(item, location));
  useViewFocus(location, t('app.title'), here && t(here.key));
  useFocusKeeper();
  return (
    <>
      <NavShortcuts items={items} newTicket={worksTickets} />
      <SkipLink />
      <header className="topbar">
        <div className="topbar-row">
          <div className="brand">{t('app.title')}</div>
          <div className="who">
            <SyncPill status={sync} user={user} />
            {PRESENCE_ROLES.includes(user.role) && <PresenceControl />}
            <UserMenu user={user} />
            <LanguageSelect />
          </div>
        </div>
        <nav aria-label={t('nav.label')}>
          {items.map((item, i) => {
            const key = shortcutOf(i);
            const count = item.badge === 'rejected' ? (sync?.rejected ?? 0) : 0;
            const current = isCurrent(item, location);
            return (
              <Link
                key={item.path}
                href={item.path}
                className={`navlink${current ? ' active' : ''}`}
                aria-current={current ? 'page' : undefined}
                title={key ? `Alt+${key}` : undefined}
              >
                {t(item.key)}
                {count > 0 && (
                  <span className="badge" aria-label={t('nav.badge', { count })}>
                    {count}
                  </span>
                )}
              </Link>
            );
          })}
        </nav>
      </header>
      <BootstrapProgress status={sync} />
      {user.role === 'team_lead' && <ShiftAlertBanner user={user} />}
      <main className="content" id="main" tabIndex={-1}>
        <Switch>
          <Route path="/">{home ? <Redirect to={home} replace /> : <CallsPage user={user} />}</Route>
          <Route path="/tickets/new/call/:callId">
            {(p) => (worksTickets ? <NewTicketFromCallPage callId={p.callId} /> : <Redirect to="/tickets" />)}
          </Route>
          <Route path="/tickets/new">
            <NewTicketPage user={user} />
          </Route>
          <Route path="/tickets/mine">
            <TicketList key="mine" scope="mine" user={user} />
          </Route>
          <Route path="/tickets/all">
            <TicketList key="all" scope="all" user={user} />
          </Route>
          <Route path="/tickets/:id">{(p) => <TicketPage key={p.id} id={p.id} user={user} />}</Route>
          <Route path="/tickets">
            <TicketList key="open" scope="open" user={user} />
          </Route>
          <Route path="/history" component={CallHistoryPage} />
          <Route path="/sla">
            <SlaPage user={user} />
          </Route>
          <Route path="/attention">
            <NeedsAttentionPage user={user} />
          </Route>
          <Route path="/admin/users">{isAdmin ? <UsersPage user={user} /> : <Redirect to={start} />}</Route>
          <Route path="/admin/audit">{isAdmin ? <AuditPage /> : <Redirect to={start} />}</Route>
          <Route path="/admin/phone-events">{isAdmin ? <PhoneEventsPage /> : <Redirect to={start} />}</Route>
          <Route path="/admin/inbound-mail">
            {INBOUND_MAIL_ROLES.includes(user.role) ? <InboundMailPage /> : <Redirect to={start} />}
          </Route>
          <Route path="/admin/phone-rules">
            {PHONE_RULES_ROLES.includes(user.role) ? <PhoneRulesPage /> : <Redirect to={start} />}
          </Route>
          <Route path="/equipment/handover/ticket/:ticketId">
            {(p) =>
              worksEquipment ? (
                <HandoverPage key={p.ticketId} user={user} ticketId={p.ticketId} />
              ) : (
                <Redirect to="/equipment" />
              )
            }
          </Route>
          <Route path="/equipment/handover">
            {worksEquipment ? <HandoverPage key="plain" user={user} /> : <Redirect to="/equipment" />}
          </Route>
          <Route path="/equipment/recycling">
            {worksEquipment ? <RecyclingPage user={user} /> : <Redirect to="/equipment" />}
          </Route>
          <Route path="/equipment/devices/:id">
            {(p) => <DevicePage key={p.id} id={p.id} user={user} />}
          </Route>
          <Route path="/equipment/batches/:id">{(p) => <BatchPage key={p.id} id={p.id} user={user} />}</Route>
          <Route path="/equipment/models">
            <CataloguePage user={user} />
          </Route>
          <Route path="/equipment/settings">
            <EquipmentSettingsPage user={user} />
          </Route>
          <Route path="/equipment">
            <LookupPage user={user} />
          </Route>
          <Route path="/reporters">{keepsDirectory ? <ReportersPage /> : <Redirect to={start} />}</Route>
          <Route path="/shifts">
            <RosterPage user={user} />
          </Route>
          <Route path="/queues/summary">
            {SHIFT_LEAD_ROLES.includes(user.role) ? <DaySummaryPage /> : <Redirect to={start} />}
          </Route>
          <Route path="/queues">
            {SHIFT_LEAD_ROLES.includes(user.role) ? <LiveViewPage /> : <Redirect to={start} />}
          </Route>
          <Route path="/systems/lacking-owner">
            <LackingOwnerPage />
          </Route>
          <Route path="/systems/outages/new/:systemId">
            {(p) => <NewOutagePage key={p.systemId} user={user} systemId={p.systemId} />}
          </Route>
          <Route path="/systems/outages/new">
            <NewOutagePage key="new" user={user} />
          </Route>
          <Route path="/systems/outages/:id">{(p) => <OutagePage key={p.id} id={p.id} user={user} />}</Route>
          <Route path="/systems/outages">
            <OutagesPage user={user} />
          </Route>
          <Route path="/systems/notices/:id">{(p) => <NoticePage key={p.id} id={p.id} user={user} />}</Route>
          <Route path="/systems/notices">
            <NoticesPage user={user} />
          </Route>
          <Route path="/systems/uptime/:year/:month/:systemId/:customerId">
            {(p) => (
              <UptimeMonthPage
                key={`${p.year}-${p.month}-${p.systemId}-${p.customerId}`}
                year={Number(p.year)}
                month={Number(p.month)}
                systemId={p.systemId}
                customerId={p.customerId}
              />
            )}
          </Route>
          <Route path="/systems/uptime/:year">
            {(p) =>
              /^\d{4}$/.test(p.year) ? (
                <UptimePage year={Number(p.year)} />
              ) : (
                <Redirect to="/systems/uptime" />
              )
            }
          </Route>
          <Route path="/systems/uptime">
            <UptimeThisYear />
          </Route>
          <Route path="/systems/:id">{(p) => <SystemPage key={p.id} id={p.id} user={user} />}</Route>
          <Route path="/systems">
            <RegisterPage user={user} />
          </Route>
          <Route path="/uptime">
            <Redirect to="/systems/uptime" />
          </Route>
          <Route>
            <NotFound home={start} />
          </Route>
        </Switch>
      </main>
    </>
  );
}

export function App() {
  const { t } = useTranslation();
  useSignedOutWatcher();
  useLiveQueries();
  const account = useAccountStatus();
  const sync = useSyncStatus();
  const user = account.data?.user ?? null;
  const screen = !account.data
    ? account.status
    : !user && account.data.setupNeeded === true
      ? 'setup'
      : !user || needsSignInAgain(account.data)
        ? `signIn:${user?.id ?? 'nobody'}`
        : null;
  // The sign-in screens' titles and focus; the desk's views follow their address (DeskFrame).
  useViewFocus(screen, t('app.title'));

  if (account.isPending) return <main className="centered">{t('common.loading')}</main>;
  if (account.isError) {
    return (
      <main className="centered">
        <div className="card narrow">
          <p role="alert">{errorMessage(account.error, t)}</p>
          <button type="button" onClick={() => void account.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      </main>
    );
  }
  const status = account.data;
  if (!user && status.setupNeeded === true) return <FirstAdminSetup status={status} />;
  if (!user || needsSignInAgain(status)) {
    return <LoginScreen key={user?.id ?? 'nobody'} status={status} />;
  }
  return <Desk user={user} sync={sync.data ?? null} />;
}
