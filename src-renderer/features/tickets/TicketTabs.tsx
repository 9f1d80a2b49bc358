// The tickets section's own tabs: open tickets for the desk, mine, all (with
// search), and a new ticket (Alt+T from anywhere).
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';

const TABS = [
  { path: '/tickets', key: 'tickets.tabs.open' },
  { path: '/tickets/mine', key: 'tickets.tabs.mine' },
  { path: '/tickets/all', key: 'tickets.tabs.all' },
] as const;

export function TicketTabs({ canCreate }: { canCreate: boolean }) {
  const { t } = useTranslation();
  const [location] = useLocation();
  return (
    <div className="row spread tickets-tabs">
      <nav className="tabs" aria-label={t('tickets.tabs.label')}>
        {TABS.map((tab) => (
          <Link
            key={tab.path}
            href={tab.path}
            className={`tab${location === tab.path ? ' active' : ''}`}
            aria-current={location === tab.path ? 'page' : undefined}
          >
            {t(tab.key)}
          </Link>
        ))}
      </nav>
      {canCreate && (
        <Link href="/tickets/new" className="button primary" data-testid="new-ticket-link">
          {t('tickets.tabs.new')} <kbd>Alt+T</kbd>
        </Link>
      )}
    </div>
  );
}
