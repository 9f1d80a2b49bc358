// The team lead's live view (issue 15): the queue and today's call figures,
// the people on the shift and what they are doing, the open tickets by
// priority, SLA group and customer (each a link to the list filtered the same
// way), the tickets to act on with reassignment of one or many, and today's
// response compliance. The figures come from the desk (shifts.live), computed
// from the synced rows; the page refetches when a change arrives
// (liveQueries.ts) and only the waits tick here, between changes.
import { useMemo, useState } from 'react';
import type { inferRouterOutputs } from '@trpc/server';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { LocalRouter } from '../../../src-main/desk/router';
import { formatDuration } from '../../../src-shared/calls/durations';
import { PRIORITIES } from '../../../src-shared/sla/settings';
import { CLOCK_FILTERS, UNASSIGNED, type ClockFilter } from '../../../src-shared/tickets/schemas';
import { errorMessage } from '../../app/errors';
import { formatClock, formatCount } from '../../app/format';
import { useTRPC } from '../../app/trpc';
import { useNow } from '../../app/useNow';
import { filterOpenTickets, PriorityBadge } from '../tickets';
import { ShiftSettingsForm } from './ShiftSettingsForm';
import { WallboardsCard } from './WallboardsCard';

type LiveView = inferRouterOutputs<LocalRouter>['shifts']['live'];

const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)} %`);
const duration = (ms: number | null) => (ms === null ? '–' : formatDuration(ms));

export function LiveViewPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const live = useQuery(trpc.shifts.live.queryOptions());
  const view = live.data;
  return (
    <div className="live-page">
      <div className="row wrap live-head">
        <h1>{t('live.title')}</h1>
        <Link href="/queues/summary">{t('summary.link')}</Link>
        {view && (
          <span className="muted">
            {t('live.asOf', { day: view.day, time: formatClock(view.at) })}
            {view.staffOffline && ` · ${t('shifts.staffOffline')}`}
          </span>
        )}
      </div>
      {live.isError && <p role="alert">{errorMessage(live.error, t)}</p>}
      {live.isPending && <p className="muted">{t('common.loading')}</p>}
      {view && (
        <>
          <CallsSection view={view} />
          <PeopleSection view={view} />
          <TicketsSection view={view} />
          <ComplianceSection view={view} />
          <WallboardsCard />
          <ShiftSettingsForm settings={view.settings} />
        </>
      )}
    </div>
  );
}

function Tile({
  label,
  value,
  tone,
  testId,
}: {
  label: string;
  value: string;
  tone?: string;
  testId?: string;
}) {
  return (
    <div className={`tile${tone ? ` tone-${tone}` : ''}`} data-testid={testId}>
      <span className="tile-value">{value}</span>
      <span className="tile-label">{label}</span>
    </div>
  );
}

function CallsSection({ view }: { view: LiveView }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const c = view.calls;
  // The waits tick between refetches: from arrival to now, not from the figure's instant.
  const waits = c.waiting.map((w) => ({ ...w, waitMs: Math.max(0, now - Date.parse(w.arrivedAt)) }));
  const longest = waits.length ? Math.max(...waits.map((w) => w.waitMs)) : null;
  const threshold = view.settings.longWaitSeconds * 1000;
  const customer = new Map(view.customers.map((x) => [x.id, x.name]));
  return (
    <section className="card live-section" aria-labelledby="live-calls">
      <h2 id="live-calls">{t('live.calls.title')}</h2>
      <div className="tiles">
        <Tile label={t('live.calls.waiting')} value={formatCount(waits.length)} testId="live-waiting" />
        <Tile
          label={t('live.calls.longestWait')}
          value={duration(longest)}
          tone={longest !== null && longest > threshold ? 'bad' : undefined}
          testId="live-longest"
        />
        <Tile label={t('live.calls.answered')} value={formatCount(c.answered)} testId="live-answered" />
        <Tile
          label={t('live.calls.missedNotCalledBack')}
          value={formatCount(c.missedNotCalledBack)}
          tone={c.missedNotCalledBack ? 'warn' : undefined}
          testId="live-missed"
        />
        <Tile label={t('live.calls.medianWait')} value={duration(c.medianWaitMs)} />
        <Tile label={t('live.calls.p90Wait')} value={duration(c.p90WaitMs)} />
        <Tile
          label={t('live.calls.answeredInTime', { seconds: view.settings.answerWithinSeconds })}
          value={percent(c.answeredInTimeShare)}
          testId="live-in-time"
        />
        <Tile label={t('live.calls.abandoned')} value={percent(c.abandonedShare)} />
      </div>
      <table className="table live-queue">
        <caption className="visually-hidden">{t('live.calls.queueCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('live.calls.caller')}</th>
            <th scope="col">{t('tickets.fields.customer')}</th>
            <th scope="col">{t('live.calls.arrived')}</th>
            <th scope="col">{t('live.calls.wait')}</th>
          </tr>
        </thead>
        <tbody>
          {waits.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                {t('live.calls.nobodyWaiting')}
              </td>
            </tr>
          )}
          {waits.map((w, i) => (
            <tr key={w.id} className={w.waitMs > threshold ? 'tone-bad' : undefined}>
              <td>{i + 1}</td>
              <td>{w.callerName ?? <span className="muted">{t('live.calls.unknownCaller')}</span>}</td>
              <td>{w.customerId ? (customer.get(w.customerId) ?? '') : ''}</td>
              <td>{formatClock(w.arrivedAt)}</td>
              <td className="mono">{formatDuration(w.waitMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function PeopleSection({ view }: { view: LiveView }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  return (
    <section className="card live-section" aria-labelledby="live-people">
      <h2 id="live-people">{t('live.people.title')}</h2>
      <table className="table live-people">
        <thead>
          <tr>
            <th scope="col">{t('shifts.person')}</th>
            <th scope="col">{t('live.people.duty')}</th>
            <th scope="col">{t('presence.label')}</th>
            <th scope="col">{t('live.people.callsTaken')}</th>
            <th scope="col">{t('live.people.openTickets')}</th>
            <th scope="col">{t('live.people.oldest')}</th>
          </tr>
        </thead>
        <tbody>
          {view.people.length === 0 && (
            <tr>
              <td colSpan={6} className="muted">
                {t('live.people.nobody')}
              </td>
            </tr>
          )}
          {view.people.map((p) => (
            <tr key={p.userId} data-person={p.name}>
              <td>{p.name}</td>
              <td>
                {p.duty ? (
                  t(`shifts.duties.${p.duty}`)
                ) : (
                  <span className="muted">{t('live.people.noDuty')}</span>
                )}
              </td>
              <td>
                {p.presence ? (
                  <span className="presence-now" data-state={p.presence.state}>
                    {t(`presence.states.${p.presence.state}`)}{' '}
                    <span className="muted mono">
                      {formatDuration(Math.max(0, now - Date.parse(p.presence.since)))}
                    </span>
                  </span>
                ) : (
                  <span className="muted">–</span>
                )}
              </td>
              <td>{formatCount(p.callsTaken)}</td>
              <td>{formatCount(p.openTickets)}</td>
              <td>
                {p.oldestOpenTicket ? (
                  <Link href={`/tickets/${p.oldestOpenTicket.id}`}>
                    {p.oldestOpenTicket.reference ?? t('live.tickets.noReference')}
                  </Link>
                ) : (
                  ''
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function TicketsSection({ view }: { view: LiveView }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const show = (filters: Parameters<typeof filterOpenTickets>[0]) => navigate(filterOpenTickets(filters));
  const tk = view.tickets;
  const customer = new Map(view.customers.map((x) => [x.id, x.name]));
  const tone = (f: ClockFilter) => (tk.byClock[f] ? (f.endsWith('Breached') ? 'bad' : 'warn') : undefined);
  return (
    <section className="card live-section" aria-labelledby="live-tickets">
      <h2 id="live-tickets">{t('live.tickets.title', { count: tk.open })}</h2>
      <div className="tiles">
        {PRIORITIES.map((p) => (
          <button key={p} type="button" className="tile" onClick={() => show({ priority: p })}>
            <span className="tile-value">{formatCount(tk.byPriority[p])}</span>
            <span className="tile-label">{t(`sla.priorities.${p}`)}</span>
          </button>
        ))}
        {CLOCK_FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            className={`tile${tone(f) ? ` tone-${tone(f)}` : ''}`}
            onClick={() => show({ clock: f })}
            data-testid={`live-${f}`}
          >
            <span className="tile-value">{formatCount(tk.byClock[f])}</span>
            <span className="tile-label">{t(`tickets.clockFilters.${f}`)}</span>
          </button>
        ))}
        <button
          type="button"
          className="tile"
          onClick={() => show({ assigneeId: UNASSIGNED })}
          data-testid="live-unassigned"
        >
          <span className="tile-value">{formatCount(tk.unassigned)}</span>
          <span className="tile-label">{t('tickets.filters.unassigned')}</span>
        </button>
      </div>
      {tk.byCustomer.length > 0 && (
        <table className="table live-customers">
          <caption>{t('live.tickets.perCustomer')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tickets.fields.customer')}</th>
              <th scope="col">{t('live.tickets.open')}</th>
            </tr>
          </thead>
          <tbody>
            {tk.byCustomer.map((c) => (
              <tr key={c.customerId}>
                <td>
                  <button
                    type="button"
                    className="linklike"
                    onClick={() => show({ customerId: c.customerId })}
                  >
                    {customer.get(c.customerId) ?? c.customerId}
                  </button>
                </td>
                <td>{formatCount(c.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AttentionList view={view} />
    </section>
  );
}

/** The tickets to act on, with reassignment of the selected ones to one person. */
function AttentionList({ view }: { view: LiveView }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const staff = useQuery(trpc.tickets.staff.queryOptions(undefined, { staleTime: 60_000 }));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [assignee, setAssignee] = useState('');
  const [result, setResult] = useState<{ done: number; failed: string[] } | null>(null);
  const customer = new Map(view.customers.map((x) => [x.id, x.name]));
  const list = view.tickets.attention;
  const ids = useMemo(() => new Set(list.map((x) => x.id)), [list]);
  const chosen = [...selected].filter((id) => ids.has(id));
  const assign = useMutation(trpc.tickets.assign.mutationOptions());
  const people = staff.data?.staff ?? [];

  const reassign = async () => {
    const person = people.find((p) => p.id === assignee);
    if (!person || chosen.length === 0) return;
    let done = 0;
    const failed: string[] = [];
    // One mutation per ticket: each is its own change in the ticket's history (R7).
    for (const ticketId of chosen) {
      try {
        await assign.mutateAsync({ ticketId, assigneeId: person.id, assigneeName: person.displayName });
        done++;
      } catch (e) {
        const ref = list.find((x) => x.id === ticketId)?.reference ?? ticketId;
        failed.push(`${ref}: ${errorMessage(e, t)}`);
      }
    }
    setResult({ done, failed });
    setSelected(new Set());
    await queryClient.invalidateQueries({ queryKey: trpc.shifts.live.queryKey() });
  };

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <div className="live-attention">
      <h3 id="live-attention">{t('live.tickets.attention', { count: view.tickets.attentionTotal })}</h3>
      <div className="row wrap live-assign">
        <label className="field inline">
          <span>{t('live.tickets.assignTo')}</span>
          <select value={assignee} onChange={(e) => setAssignee(e.target.value)} data-testid="live-assignee">
            <option value="">{t('live.tickets.choosePerson')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={!assignee || chosen.length === 0 || assign.isPending}
          onClick={() => void reassign()}
        >
          {t('live.tickets.assignSelected', { count: chosen.length })}
        </button>
        {result && (
          <span role="status" className={result.failed.length ? 'field-error' : 'success'}>
            {t('live.tickets.assigned', { count: result.done })}
            {result.failed.length > 0 && ` ${result.failed.join('; ')}`}
          </span>
        )}
      </div>
      <table className="table live-attention-table" aria-labelledby="live-attention">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('live.tickets.select')}</span>
            </th>
            <th scope="col">{t('tickets.fields.reference')}</th>
            <th scope="col">{t('sla.priority')}</th>
            <th scope="col">{t('live.tickets.sla')}</th>
            <th scope="col">{t('tickets.fields.titleColumn')}</th>
            <th scope="col">{t('tickets.fields.customer')}</th>
            <th scope="col">{t('tickets.fields.assignee')}</th>
          </tr>
        </thead>
        <tbody>
          {list.length === 0 && (
            <tr>
              <td colSpan={7} className="muted">
                {t('live.tickets.nothingToDo')}
              </td>
            </tr>
          )}
          {list.map((x) => (
            <tr key={x.id} data-ticket-id={x.id}>
              <td>
                <input
                  type="checkbox"
                  checked={selected.has(x.id)}
                  onChange={() => toggle(x.id)}
                  aria-label={t('live.tickets.selectOne', { reference: x.reference ?? x.summary })}
                />
              </td>
              <td>
                <Link href={`/tickets/${x.id}`}>{x.reference ?? t('live.tickets.noReference')}</Link>
              </td>
              <td>
                <PriorityBadge priority={x.priority} />
              </td>
              <td>
                {x.flags.map((f) => (
                  <span key={f} className={`tag tone-${f.endsWith('Breached') ? 'bad' : 'warn'}`}>
                    {t(`tickets.clockFilters.${f}`)}
                  </span>
                ))}
              </td>
              <td>{x.summary}</td>
              <td>{customer.get(x.customerId) ?? ''}</td>
              <td>{x.assigneeName ?? <span className="muted">{t('tickets.filters.unassigned')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ComplianceSection({ view }: { view: LiveView }) {
  const { t } = useTranslation();
  return (
    <section className="card live-section" aria-labelledby="live-compliance">
      <h2 id="live-compliance">{t('live.compliance.title')}</h2>
      <table className="table live-compliance">
        <thead>
          <tr>
            <th scope="col">{t('sla.priority')}</th>
            <th scope="col">{t('live.compliance.met')}</th>
            <th scope="col">{t('live.compliance.breached')}</th>
            <th scope="col">{t('live.compliance.share')}</th>
          </tr>
        </thead>
        <tbody>
          {view.compliance.map((r) => (
            <tr key={r.priority} data-priority={r.priority}>
              <td>
                <PriorityBadge priority={r.priority} />
              </td>
              <td>{formatCount(r.met)}</td>
              <td>{formatCount(r.breached)}</td>
              <td>{percent(r.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('live.compliance.hint')}</p>
    </section>
  );
}
