// The call history (R3): search by number, name or workplace and by date,
// always in arrival order, paged by keyset and rendered as a virtual list so
// it stays smooth with many calls. Selecting a call shows its full record.
// The list is one grid and one Tab stop, like the ticket list (issue 18): the
// arrow keys, Page Up/Down, Home and End move the active row, Enter opens it.
import { useDeferredValue, useRef, useState, type KeyboardEvent } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { formatDuration, talkMs, waitingMs } from '../../../../src-shared/calls/durations';
import { useTRPC } from '../../../app/trpc';
import { useNow } from '../../../app/useNow';
import { errorMessage } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { Field } from '../../../app/forms';
import { CallerNumber } from '../caller';
import { CallDetails } from './CallDetails';

const ROW_HEIGHT = 44;
const HEAD_HEIGHT = 32;

export function CallHistoryPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const now = useNow(1000);
  const [search, setSearch] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [order, setOrder] = useState<'asc' | 'desc'>('desc');
  const [selected, setSelected] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const deferredSearch = useDeferredValue(search.trim());

  const history = useInfiniteQuery(
    trpc.calls.history.infiniteQueryOptions(
      { search: deferredSearch || undefined, from: from || undefined, to: to || undefined, order, limit: 50 },
      { getNextPageParam: (last) => last.next },
    ),
  );
  const rows = history.data?.pages.flatMap((p) => p.calls) ?? [];
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is the documented exception.
  const virtualizer = useVirtualizer({
    count: history.hasNextPage ? rows.length + 1 : rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    scrollPaddingStart: HEAD_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const lastItem = items[items.length - 1];
  if (lastItem && lastItem.index >= rows.length - 1 && history.hasNextPage && !history.isFetchingNextPage) {
    void history.fetchNextPage();
  }
  const current = Math.min(active, Math.max(rows.length - 1, 0));
  const activeRow = rows[current];
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
    } else if ((e.key === 'Enter' || e.key === ' ') && activeRow) {
      e.preventDefault();
      setSelected(activeRow.id);
    }
  };

  return (
    <div className="history-layout">
      <section className="card history-list" aria-labelledby="history-title">
        <h1 id="history-title">{t('history.title')}</h1>
        <div className="filters">
          <Field label={t('history.search')} className="grow">
            <input
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder={t('history.searchPlaceholder')}
              autoFocus
            />
          </Field>
          <Field label={t('history.from')}>
            <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </Field>
          <Field label={t('history.to')}>
            <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </Field>
          <Field label={t('history.order')}>
            <select value={order} onChange={(e) => setOrder(e.target.value as 'asc' | 'desc')}>
              <option value="desc">{t('history.newestFirst')}</option>
              <option value="asc">{t('history.oldestFirst')}</option>
            </select>
          </Field>
        </div>
        {history.isError && <p role="alert">{errorMessage(history.error, t)}</p>}
        <div
          ref={scrollRef}
          className="vscroll history-scroll"
          role="grid"
          aria-label={t('history.title')}
          aria-rowcount={history.hasNextPage ? -1 : rows.length + 1}
          aria-activedescendant={activeRow ? `hrow-${activeRow.id}` : undefined}
          tabIndex={0}
          onKeyDown={onListKey}
        >
          <div role="rowgroup" className="vhead-group">
            <div role="row" className="vrow vhead" style={{ height: HEAD_HEIGHT }}>
              <span role="columnheader">{t('calls.fields.arrivedAt')}</span>
              <span role="columnheader">{t('calls.fields.callerNumber')}</span>
              <span role="columnheader">{t('calls.fields.callerName')}</span>
              <span role="columnheader">{t('calls.fields.workplace')}</span>
              <span role="columnheader">{t('calls.fields.waiting')}</span>
              <span role="columnheader">{t('calls.fields.talk')}</span>
              <span role="columnheader">{t('calls.fields.outcome')}</span>
            </div>
          </div>
          {!history.isPending && rows.length === 0 && <p className="muted empty">{t('history.none')}</p>}
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const c = rows[item.index];
              const classes = ['vrow', 'hrow'];
              if (c && c.id === selected) classes.push('selected');
              if (c && item.index === current) classes.push('active');
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  id={c ? `hrow-${c.id}` : undefined}
                  aria-selected={c ? c.id === selected : undefined}
                  className={classes.join(' ')}
                  style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                  onClick={() => {
                    if (!c) return;
                    setActive(item.index);
                    setSelected(c.id);
                  }}
                  data-call-id={c?.id}
                >
                  {c ? (
                    <>
                      <span role="gridcell">{formatDateTime(c.arrivedAt)}</span>
                      <span role="gridcell" className="mono">
                        <CallerNumber number={c.callerNumber} />
                      </span>
                      <span role="gridcell">{c.callerName ?? '–'}</span>
                      <span role="gridcell">
                        {[c.customerName, c.workplace].filter(Boolean).join(' · ') || '–'}
                      </span>
                      <span role="gridcell" className="mono">
                        {formatDuration(waitingMs(c, now))}
                      </span>
                      <span role="gridcell" className="mono">
                        {c.takenAt ? formatDuration(talkMs(c, now) ?? 0) : '–'}
                      </span>
                      <span role="gridcell">
                        {c.outcome ? t(`calls.outcomes.${c.outcome}`) : t(`calls.status.${c.status}`)}
                      </span>
                    </>
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
      {selected && <CallDetails id={selected} onClose={() => setSelected(null)} />}
    </div>
  );
}
