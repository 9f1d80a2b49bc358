// The live view's response compliance today, per priority.
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../app/format';
import { PriorityBadge } from '../tickets';
import { percent, type LiveView } from './liveParts';

export function ComplianceSection({ view }: { view: LiveView }) {
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
