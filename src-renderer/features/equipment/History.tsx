// The register's history of a device, model or batch (R27): who did what, when.
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';

interface Event {
  id: string;
  at: string;
  actorName: string;
  kind: string;
  data: Record<string, unknown>;
}

function detail(e: Event): string {
  const d = e.data;
  if (e.kind === 'changed' && d.changes && typeof d.changes === 'object') {
    return Object.entries(d.changes as Record<string, [unknown, unknown]>)
      .map(([field, [from, to]]) => `${field}: ${String(from ?? '–')} → ${String(to ?? '–')}`)
      .join('; ');
  }
  return [
    'reason',
    'reference',
    'recycler',
    'replaces',
    'replacedBy',
    'workplace',
    'method',
    'wipedBy',
    'certificateReference',
  ]
    .filter((k) => d[k] !== undefined && d[k] !== null)
    .map((k) => String(d[k]))
    .join(' · ');
}

export function History({ events }: { events: Event[] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="equipment-history">
      <h2 id="equipment-history">{t('equipment.history.title')}</h2>
      <ol className="timeline" data-testid="equipment-history">
        {events.map((e) => (
          <li key={e.id}>
            <time dateTime={e.at}>{formatDateTime(e.at)}</time> · {e.actorName} ·{' '}
            <strong>{t(`equipment.history.kinds.${e.kind}`, { defaultValue: e.kind })}</strong>
            {detail(e) && <small className="block muted">{detail(e)}</small>}
          </li>
        ))}
      </ol>
    </section>
  );
}
