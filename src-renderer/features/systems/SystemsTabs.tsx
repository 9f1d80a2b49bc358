// The systems section's own tabs: the register, systems lacking an owner,
// outages, operational notices and the uptime report. Everyone reads them all.
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';

const TABS = [
  { path: '/systems', key: 'systems.tabs.register', exact: true },
  { path: '/systems/lacking-owner', key: 'systems.tabs.lackingOwner' },
  { path: '/systems/outages', key: 'systems.tabs.outages' },
  { path: '/systems/notices', key: 'systems.tabs.notices' },
  { path: '/systems/uptime', key: 'systems.tabs.uptime' },
] as const;

function isCurrent(tab: (typeof TABS)[number], location: string): boolean {
  if ('exact' in tab) {
    // The register's tab is also current on a system's own page.
    return location === tab.path || !TABS.some((o) => o !== tab && location.startsWith(o.path));
  }
  return location === tab.path || location.startsWith(`${tab.path}/`);
}

export function SystemsTabs() {
  const { t } = useTranslation();
  const [location] = useLocation();
  return (
    <nav className="tabs systems-tabs" aria-label={t('systems.tabs.label')}>
      {TABS.map((tab) => {
        const current = isCurrent(tab, location);
        return (
          <Link
            key={tab.path}
            href={tab.path}
            className={`tab${current ? ' active' : ''}`}
            aria-current={current ? 'page' : undefined}
          >
            {t(tab.key)}
          </Link>
        );
      })}
    </nav>
  );
}
