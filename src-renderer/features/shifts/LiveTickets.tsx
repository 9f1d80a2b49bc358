// The live view's tickets: open by priority, SLA group, assignee and municipality (each a
// link to the list filtered so), and the tickets to act on, reassigned one or many at a time.
import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { PRIORITIES } from '../../../src-shared/sla/settings';
import { CLOCK_FILTERS, UNASSIGNED, type ClockFilter } from '../../../src-shared/tickets/schemas';
import { errorMessage } from '../../app/errors';
import { formatCount } from '../../app/format';
import { useTRPC } from '../../app/trpc';
import { filterOpenTickets, PriorityBadge } from '../tickets';
import type { LiveView } from './liveParts';

export function TicketsSection({ view }: { view: LiveView }) {
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
                    {customer.get(c.customerId) || c.customerId || t('live.tickets.noCustomer')}
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
