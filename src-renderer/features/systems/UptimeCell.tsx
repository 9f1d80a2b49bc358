// One figure of the uptime report: the percent with three decimals and, in
// words and a mark beside it, whether the 99.8 % target is met (never by
// colour alone); a link to the month's detail where there is one.
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useFigures } from './numbers';
import type { UptimeFigures } from './types';

export function UptimeCell({ figures, href }: { figures: UptimeFigures; href?: string }) {
  const { t } = useTranslation();
  const fig = useFigures();
  if (figures.elapsedMs === 0 || figures.uptime === null) {
    return (
      <td className="uptime-cell none">
        <span aria-label={t('systems.uptime.noFigure')}>–</span>
      </td>
    );
  }
  const content = (
    <>
      <span className="mono">{fig.uptime(figures.uptime)}</span>
      <small className="block">
        <span aria-hidden="true">{figures.met ? '✓ ' : '✗ '}</span>
        {t(figures.met ? 'systems.uptime.met' : 'systems.uptime.notMet')}
      </small>
    </>
  );
  return (
    <td className={`uptime-cell ${figures.met ? 'met' : 'not-met'}`}>
      {href ? <Link href={href}>{content}</Link> : content}
    </td>
  );
}
