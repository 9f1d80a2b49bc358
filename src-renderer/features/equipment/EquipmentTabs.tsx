// The equipment section's own tabs: look-up (everyone), handover and
// recycling (technicians, team leads, admins), the approved models and the
// settings with the licence charges.
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { EQUIPMENT_ROLES, type Role } from '../../../src-shared/roles';

const TABS = [
  { path: '/equipment', key: 'equipment.tabs.lookup' },
  { path: '/equipment/handover', key: 'equipment.tabs.handover', roles: EQUIPMENT_ROLES },
  { path: '/equipment/recycling', key: 'equipment.tabs.recycling', roles: EQUIPMENT_ROLES },
  { path: '/equipment/models', key: 'equipment.tabs.models' },
  { path: '/equipment/settings', key: 'equipment.tabs.settings' },
] as const;

export function EquipmentTabs({ role }: { role: Role }) {
  const { t } = useTranslation();
  const [location] = useLocation();
  return (
    <nav className="tabs equipment-tabs" aria-label={t('equipment.tabs.label')}>
      {TABS.filter((tab) => !('roles' in tab) || tab.roles.includes(role)).map((tab) => {
        const current = location === tab.path;
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
