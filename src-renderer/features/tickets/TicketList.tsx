// The ticket lists (issue 5): open tickets for the desk and "mine", sorted by
// time to breach, and all tickets newest first. Keyset pages from the desk
// (infinite query) rendered as a virtual list, so thousands of rows stay
// smooth; every row counts down to its next deadline live. Filters and
// search apply on the desk; ↑/↓ move, Enter opens, / jumps to the search.
// Columns other than reference, title and deadline can be hidden (listColumns);
// a cut-off text shows whole on hover, and the count waits for the list.
import {
  Fragment,
  useDeferredValue,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { formatPhone } from '../../../src-shared/phone';
import { TICKET_ROLES } from '../../../src-shared/roles';
import { PRIORITIES } from '../../../src-shared/sla/settings';
import {
  CLOCK_FILTERS,
  OPEN_STATUSES,
  TICKET_STATUSES,
  type TicketListQuery,
  type TicketSummary,
  UNASSIGNED,
} from '../../../src-shared/tickets/schemas';
import type { SignedInUser } from '../../app/account';
import { errorMessage } from '../../app/errors';
import { formatCount } from '../../app/format';
import { Field, fieldErrorText, OptionList } from '../../app/forms';
import { useTRPC } from '../../app/trpc';
import { useNow } from '../../app/useNow';
import { DeadlineCell, PriorityBadge, StatusBadge } from './badges';
import { MissingMarker } from './intake/MissingDetails';
import { NewReplyMarker } from './intake/NewReplyMarker';
import { clocksOf, nextDeadline, useSla, type Sla } from './sla';
import { COLUMN_LABELS, ColumnChooser, useTicketColumns, type TicketColumn } from './listColumns';
import { aliasReference, shownReference } from './text';
import { TicketTabs } from './TicketTabs';

export type Scope = 'open' | 'mine' | 'all';

interface Filters {
  priority: string;
  status: string;
  customerId: string;
  assigneeId: string;
  system: string;
  search: string;
  /** An SLA group (at risk / breached, response / resolution): the live view's click-through. */
  clock: string;
}
const NO_FILTERS: Filters = {
  priority: '',
  status: '',
  customerId: '',
  assigneeId: '',
  system: '',
  search: '',
  clock: '',
};

/** The filters last used on each list, so coming back from a ticket finds the list as it was. */
const remembered = new Map<Scope, Filters>();

/** Opens the open-tickets list (path '/tickets') filtered so: set before navigating there. */
export function filterOpenTickets(filters: Partial<Filters>): string {
  remembered.set('open', { ...NO_FILTERS, ...filters });
  return '/tickets';
}

const ROW_HEIGHT = 52;
const HEAD_HEIGHT = 34;
const PAGE = 200;

export function TicketList({ scope, user }: { scope: Scope; user: SignedInUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [, navigate] = useLocation();
  const now = useNow(5000);
  const sla = useSla();
  const [filters, setFilters] = useState<Filters>(() => remembered.get(scope) ?? NO_FILTERS);
  const [active, setActive] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const columns = useTicketColumns();
  const searchRef = useRef<HTMLInputElement>(null);

  const customers = useQuery(trpc.calls.customers.queryOptions());
  const staff = useQuery(trpc.tickets.staff.queryOptions(undefined, { staleTime: 60_000 }));
  const systems = useQuery(trpc.tickets.systems.queryOptions());

  const change = (key: keyof Filters, value: string) => {
    const next = { ...filters, [key]: value };
    remembered.set(scope, next);
    setFilters(next);
    setActive(0);
  };
  const clear = () => {
    remembered.delete(scope);
    setFilters(NO_FILTERS);
    setActive(0);
  };

  const search = useDeferredValue(filters.search.trim());
  const searchTooShort = search.length > 0 && [...search].length < 3;
  const input: TicketListQuery = {
    scope,
    priority: (filters.priority || undefined) as TicketListQuery['priority'],
    status: (filters.status || undefined) as TicketListQuery['status'],
    customerId: filters.customerId || undefined,
    assigneeId: filters.assigneeId || undefined,
    system: filters.system || undefined,
    search: searchTooShort ? undefined : search || undefined,
    clock: (filters.clock || undefined) as TicketListQuery['clock'],
    limit: PAGE,
  };
  const list = useInfiniteQuery(
    trpc.tickets.list.infiniteQueryOptions(input, {
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      placeholderData: keepPreviousData,
    }),
  );
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  /** How many match in all (the first page says), not just how many are loaded. */
  const total = list.data?.pages[0]?.total ?? null;

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is the documented exception.
  const virtualizer = useVirtualizer({
    count: list.hasNextPage ? rows.length + 1 : rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollPaddingStart: HEAD_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    if (lastIndex >= rows.length - 1 && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
      if (e.key === '/' && !typing && !e.altKey && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const current = Math.min(active, Math.max(rows.length - 1, 0));
  const open = (ticket: TicketSummary | undefined) => ticket && navigate(`/tickets/${ticket.id}`);
  const moveTo = (index: number) => {
    const i = Math.max(0, Math.min(index, rows.length - 1));
    setActive(i);
    virtualizer.scrollToIndex(i, { align: 'auto' });
  };
  const onListKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const pageRows = Math.max(1, Math.floor(e.currentTarget.clientHeight / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + pageRows,
      PageUp: current - pageRows,
      Home: 0,
      End: rows.length - 1,
    };
    if (e.key in moves) {
      e.preventDefault();
      moveTo(moves[e.key]!);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      open(rows[current]);
    }
  };
  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || (e.key === 'Enter' && rows.length > 0)) {
      e.preventDefault();
      if (e.key === 'Enter' && rows.length === 1) return open(rows[0]);
      scrollRef.current?.focus();
      moveTo(0);
    }
  };

  const searchError = list.isError ? fieldErrorText(list.error, t, 'search') : null;
  const filtered = Object.entries(filters).some(([, v]) => v !== '');
  const statuses = scope === 'all' ? TICKET_STATUSES : OPEN_STATUSES;
  const activeRow = rows[current];
  const title = t(`tickets.lists.${scope}`);

  return (
    <section className="card tickets-list" aria-labelledby="tickets-title">
      <TicketTabs canCreate={TICKET_ROLES.includes(user.role)} />
      <div className="row spread">
        <h1 id="tickets-title">
          {title} {/* Nothing is counted until the list has come: "…", never a "0" that is not so. */}
          <span className="count" data-testid="ticket-count" aria-busy={list.isPending}>
            {list.isPending
              ? '…'
              : total
                ? `${formatCount(total.count)}${total.capped ? '+' : ''}`
                : `${formatCount(rows.length)}${list.hasNextPage ? '+' : ''}`}
          </span>
        </h1>
        <p className="muted small">{t(`tickets.lists.${scope}Hint`)}</p>
      </div>
      <div className="filters">
        <label className="field grow">
          <span>
            {t('tickets.filters.search')} <kbd>/</kbd>
          </span>
          <input
            ref={searchRef}
            type="search"
            value={filters.search}
            onChange={(e) => change('search', e.target.value)}
            onKeyDown={onSearchKey}
            placeholder={t('tickets.filters.searchPlaceholder')}
            aria-invalid={searchTooShort || !!searchError}
            aria-describedby="ticket-search-hint"
          />
          <small id="ticket-search-hint" className={searchError ? 'field-error' : 'hint'}>
            {searchError ?? (searchTooShort ? t('tickets.filters.searchTooShort') : '\u00a0')}
          </small>
        </label>
        <FilterSelect
          label={t('sla.priority')}
          value={filters.priority}
          onChange={(v) => change('priority', v)}
          options={PRIORITIES.map((p) => ({ value: p, label: t(`sla.priorities.${p}`) }))}
        />
        <FilterSelect
          label={t('tickets.fields.status')}
          value={filters.status}
          onChange={(v) => change('status', v)}
          options={statuses.map((s) => ({ value: s, label: t(`tickets.statuses.${s}`) }))}
        />
        <FilterSelect
          label={t('tickets.fields.customer')}
          value={filters.customerId}
          onChange={(v) => change('customerId', v)}
          options={(customers.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        {scope !== 'mine' && (
          <FilterSelect
            label={t('tickets.fields.assignee')}
            value={filters.assigneeId}
            onChange={(v) => change('assigneeId', v)}
            options={[
              { value: UNASSIGNED, label: t('tickets.filters.unassigned') },
              ...(staff.data?.staff ?? []).map((s) => ({ value: s.id, label: s.displayName })),
            ]}
          />
        )}
        <FilterSelect
          label={t('tickets.fields.system')}
          value={filters.system}
          onChange={(v) => change('system', v)}
          options={(systems.data ?? []).map((s) => ({ value: s, label: s }))}
        />
        <FilterSelect
          label={t('tickets.filters.clock')}
          value={filters.clock}
          onChange={(v) => change('clock', v)}
          options={CLOCK_FILTERS.map((c) => ({ value: c, label: t(`tickets.clockFilters.${c}`) }))}
        />
        {filtered && (
          <button type="button" className="ghost filter-clear" onClick={clear}>
            {t('tickets.filters.clear')}
          </button>
        )}
        <ColumnChooser shown={columns.shown} toggle={columns.toggle} />
      </div>
      {list.isError && !searchError && <p role="alert">{errorMessage(list.error, t)}</p>}
      <div
        ref={scrollRef}
        className="vscroll tickets-scroll"
        role="grid"
        aria-label={title}
        aria-rowcount={list.hasNextPage ? -1 : rows.length + 1}
        aria-activedescendant={activeRow ? `trow-${activeRow.id}` : undefined}
        tabIndex={0}
        onKeyDown={onListKey}
      >
        <div role="rowgroup" className="vhead-group">
          <div
            role="row"
            className="vrow vhead tickets-cols"
            style={{ height: HEAD_HEIGHT, gridTemplateColumns: columns.template }}
          >
            {columns.shown.map((c) => (
              <span key={c} role="columnheader" title={t(COLUMN_LABELS[c])}>
                {t(COLUMN_LABELS[c])}
              </span>
            ))}
          </div>
        </div>
        {list.isPending && <p className="muted empty">{t('common.loading')}</p>}
        {!list.isPending && rows.length === 0 && (
          <p className="muted empty">{t(filtered ? 'tickets.lists.noneFiltered' : 'tickets.lists.none')}</p>
        )}
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const ticket = rows[item.index];
            return (
              <div
                key={item.key}
                className={`vrow tickets-cols trow${item.index === current ? ' active' : ''}`}
                style={{
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                  gridTemplateColumns: columns.template,
                }}
                role="row"
                aria-rowindex={item.index + 2}
                id={ticket ? `trow-${ticket.id}` : undefined}
                aria-selected={ticket ? item.index === current : undefined}
                data-ticket-id={ticket?.id}
                onClick={() => {
                  setActive(item.index);
                  open(ticket);
                }}
              >
                {ticket ? (
                  <TicketRow ticket={ticket} now={now} sla={sla} shown={columns.shown} />
                ) : (
                  <span role="gridcell" className="muted">
                    {t('common.loading')}
                  </span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}

function FilterSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange(v: string): void;
  options: Array<{ value: string; label: string }>;
}) {
  const { t } = useTranslation();
  return (
    <Field label={label}>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('tickets.filters.any')}</option>
        <OptionList options={options} />
      </select>
    </Field>
  );
}

function TicketRow({
  ticket,
  now,
  sla,
  shown,
}: {
  ticket: TicketSummary;
  now: number;
  sla: Sla | null;
  shown: readonly TicketColumn[];
}) {
  const { t } = useTranslation();
  const alias = aliasReference(ticket);
  const next = sla ? nextDeadline(ticket, clocksOf(ticket, now, sla)) : null;
  const customer = [ticket.customerName ?? '–', ticket.workplace].filter(Boolean).join(', ');
  const cells: Record<TicketColumn, ReactNode> = {
    // The provisional number stays searchable, and shows on hover once the reference has come.
    reference: (
      <span
        role="gridcell"
        className="two-line"
        title={alias ? t('tickets.page.alias', { ref: alias }) : undefined}
      >
        <span className="mono strong">{shownReference(ticket)}</span>
        <NewReplyMarker ticket={ticket} />
      </span>
    ),
    priority: (
      <span role="gridcell">
        <PriorityBadge priority={ticket.priority} />
      </span>
    ),
    status: (
      <span role="gridcell" className="two-line">
        <StatusBadge status={ticket.status} />
        <MissingMarker ticket={ticket} />
      </span>
    ),
    // The title wraps to two lines; the whole of it, and the description's start, on hover.
    title: (
      <span
        role="gridcell"
        className="ticket-title-cell"
        title={ticket.title ? `${ticket.title}\n${ticket.excerpt}` : ticket.excerpt}
      >
        <span className={ticket.title ? 'strong' : undefined}>{ticket.title ?? ticket.excerpt}</span>
      </span>
    ),
    reporter: (
      <span role="gridcell" className="two-line" title={ticket.reporterName}>
        <span>{ticket.reporterName}</span>
        <small className="mono">{formatPhone(ticket.reporterPhone)}</small>
      </span>
    ),
    customer: (
      <span role="gridcell" className="two-line" title={customer}>
        <span>{ticket.customerName ?? '–'}</span>
        <small>{ticket.workplace}</small>
      </span>
    ),
    system: (
      <span role="gridcell" title={ticket.system || undefined}>
        {ticket.system}
      </span>
    ),
    assignee: (
      <span role="gridcell" title={ticket.assigneeName ?? undefined}>
        {ticket.assigneeName ?? '–'}
      </span>
    ),
    deadline: (
      <span role="gridcell" data-testid="next-deadline">
        {next ? <DeadlineCell next={next} now={now} /> : '…'}
      </span>
    ),
  };
  return (
    <>
      {shown.map((c) => (
        <Fragment key={c}>{cells[c]}</Fragment>
      ))}
    </>
  );
}
