// The call history (R3): search by number, name or workplace and by date,
// always in arrival order, paged by keyset and rendered as a virtual list so
// it stays smooth with many calls. Selecting a call shows its full record.
import { useDeferredValue, useRef, useState } from 'react';
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

export function CallHistoryPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const now = useNow(1000);
  const [search, setSearch] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [order, setOrder] = useState<'asc' | 'desc'>('desc');
  const [selected, setSelected] = useState<string | null>(null);
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
  });
  const items = virtualizer.getVirtualItems();
  const lastItem = items[items.length - 1];
  if (lastItem && lastItem.index >= rows.length - 1 && history.hasNextPage && !history.isFetchingNextPage) {
    void history.fetchNextPage();
  }

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
        <div className="vrow vhead" role="row">
          <span>{t('calls.fields.arrivedAt')}</span>
          <span>{t('calls.fields.callerNumber')}</span>
          <span>{t('calls.fields.callerName')}</span>
          <span>{t('calls.fields.workplace')}</span>
          <span>{t('calls.fields.waiting')}</span>
          <span>{t('calls.fields.talk')}</span>
          <span>{t('calls.fields.outcome')}</span>
        </div>
        <div ref={scrollRef} className="vscroll" role="table" aria-label={t('history.title')}>
          {!history.isPending && rows.length === 0 && <p className="muted">{t('history.none')}</p>}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const c = rows[item.index];
              return (
                <div
                  key={item.key}
                  role="row"
                  className={`vrow${c && c.id === selected ? ' selected' : ''}`}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                  }}
                  tabIndex={c ? 0 : -1}
                  onClick={() => c && setSelected(c.id)}
                  onKeyDown={(e) => c && e.key === 'Enter' && setSelected(c.id)}
                  data-call-id={c?.id}
                >
                  {c ? (
                    <>
                      <span>{formatDateTime(c.arrivedAt)}</span>
                      <span className="mono">
                        <CallerNumber number={c.callerNumber} />
                      </span>
                      <span>{c.callerName ?? '–'}</span>
                      <span>{[c.customerName, c.workplace].filter(Boolean).join(' · ') || '–'}</span>
                      <span className="mono">{formatDuration(waitingMs(c, now))}</span>
                      <span className="mono">{c.takenAt ? formatDuration(talkMs(c, now) ?? 0) : '–'}</span>
                      <span>
                        {c.outcome ? t(`calls.outcomes.${c.outcome}`) : t(`calls.status.${c.status}`)}
                      </span>
                    </>
                  ) : (
                    <span className="muted">{t('common.loading')}</span>
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
