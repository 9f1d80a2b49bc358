// The register's history of a system or an outage (R27): who did what, when.
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { useCustomers } from './lookups';
import type { SystemEvent } from './types';

const SHOWN = ['reason', 'cause', 'error', 'text', 'upAt', 'title'] as const;

function detail(
  e: SystemEvent,
  t: (k: string, o?: Record<string, unknown>) => string,
  customerName: (id: string) => string,
): string {
  const d = e.data;
  const parts: string[] = [];
  if (typeof d.customerId === 'string') parts.push(customerName(d.customerId));
  if (d.changes && typeof d.changes === 'object') {
    for (const [field, pair] of Object.entries(d.changes as Record<string, unknown>)) {
      const [from, to] = Array.isArray(pair) ? pair : [undefined, pair];
      const name = t(`systems.history.fields.${field}`, { defaultValue: field });
      parts.push(`${name}: ${short(from)} → ${short(to)}`);
    }
  } else {
    for (const k of SHOWN) {
      if (d[k] === undefined || d[k] === null) continue;
      parts.push(k === 'cause' ? t(`systems.causes.${String(d[k])}`) : short(d[k]));
    }
  }
  return parts.join(' · ');
}

function short(v: unknown): string {
  if (v === null || v === undefined || v === '') return '–';
  const text = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

export function History({ events, titleId }: { events: readonly SystemEvent[]; titleId: string }) {
  const { t } = useTranslation();
  const customers = useCustomers();
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('systems.history.title')}</h2>
      {events.length === 0 && <p className="muted">{t('systems.history.none')}</p>}
      <ol className="timeline" data-testid="systems-history">
        {events.map((e) => (
          <li key={e.id}>
            <time dateTime={e.at}>{formatDateTime(e.at)}</time> · {e.actorName} ·{' '}
            <strong>{t(`systems.history.kinds.${e.kind}`, { defaultValue: e.kind })}</strong>
            {detail(e, t, customers.name) && (
              <small className="block muted">{detail(e, t, customers.name)}</small>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
