// The application shell: first-start profile, top navigation, language switch
// and keyboard shortcuts for moving between features.
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { useTRPC } from '../../app/trpc';
import { setLanguage, type Language } from '../../app/i18n';
import { ProfileSetup } from '../profile/ProfileSetup';
import { CallsPage } from '../calls/CallsPage';
import { CallHistoryPage } from '../history/CallHistoryPage';
import { SlaPage } from '../sla/SlaPage';
import { ComingSoon } from './ComingSoon';

const NAV = [
  { path: '/', key: 'nav.calls', ready: true },
  { path: '/history', key: 'nav.history', ready: true },
  { path: '/sla', key: 'nav.sla', ready: true },
  { path: '/tickets', key: 'nav.tickets', ready: false },
  { path: '/equipment', key: 'nav.equipment', ready: false },
  { path: '/queues', key: 'nav.queues', ready: false },
  { path: '/uptime', key: 'nav.uptime', ready: false },
  { path: '/reports', key: 'nav.reports', ready: false },
] as const;

function NavShortcuts() {
  const [, navigate] = useLocation();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const index = Number(e.key) - 1;
      const item = NAV[index];
      if (item) {
        e.preventDefault();
        navigate(item.path);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);
  return null;
}

export function App() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const profile = useQuery(trpc.profile.get.queryOptions());

  if (profile.isPending) return <main className="centered">{t('common.loading')}</main>;
  if (profile.isError) {
    return (
      <main className="centered">
        <p role="alert">{profile.error.message}</p>
      </main>
    );
  }
  if (!profile.data) return <ProfileSetup />;

  return (
    <Router hook={useHashLocation}>
      <NavShortcuts />
      <header className="topbar">
        <div className="brand">{t('app.title')}</div>
        <nav aria-label={t('nav.label')}>
          {NAV.map((item, i) => (
            <Link
              key={item.path}
              href={item.path}
              className={(active: boolean) =>
                `navlink${active ? ' active' : ''}${item.ready ? '' : ' later'}`
              }
              title={`Alt+${i + 1}`}
            >
              {t(item.key)}
            </Link>
          ))}
        </nav>
        <div className="who">
          <Link href="/profile" className="profile-badge" title={t('profile.change')}>
            {profile.data.name} · {t(`roles.${profile.data.role}`)}
          </Link>
          <select
            aria-label={t('common.language')}
            value={i18n.language}
            onChange={(e) => setLanguage(e.target.value as Language)}
          >
            <option value="nb">Norsk bokmål</option>
            <option value="en">English</option>
          </select>
        </div>
      </header>
      <main className="content">
        <Switch>
          <Route path="/" component={CallsPage} />
          <Route path="/history" component={CallHistoryPage} />
          <Route path="/sla" component={SlaPage} />
          <Route path="/profile">
            <ProfileSetup current={profile.data} />
          </Route>
          {NAV.filter((n) => !n.ready).map((n) => (
            <Route key={n.path} path={n.path}>
              <ComingSoon titleKey={n.key} />
            </Route>
          ))}
          <Route>
            <ComingSoon titleKey="nav.notFound" />
          </Route>
        </Switch>
      </main>
    </Router>
  );
}
