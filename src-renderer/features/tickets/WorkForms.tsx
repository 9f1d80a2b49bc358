// Recording work on a ticket, one tab each: an internal note, an update the reporter is sent
// (R6/R9), an answer given outside the desk (R8), a remote session and an on-site visit (R11).
// This module owns the tabs and the "saved" line; each tab's form is its own module in work/.
// The tabs are one Tab stop; the arrow keys (and Home/End) move between them (issue 18).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignedInUser } from '../../app/account';
import type { FullTicket } from './types';
import { useTicketMutations } from './useTicketMutations';
import { NoteForm } from './work/NoteForm';
import { OnSiteVisitForm } from './work/OnSiteVisitForm';
import { RemoteSessionForm } from './work/RemoteSessionForm';
import { RespondForm } from './work/RespondForm';
import type { WorkTab } from './work/WorkForm';

const TABS: readonly WorkTab[] = ['internal', 'reporter', 'respond', 'remote', 'onSite'];

/** The tab an arrow key (or Home/End) leads to from `at`, or null for any other key. */
function tabAfter(key: string, at: WorkTab): WorkTab | null {
  const i = TABS.indexOf(at);
  if (key === 'ArrowRight') return TABS[(i + 1) % TABS.length]!;
  if (key === 'ArrowLeft') return TABS[(i - 1 + TABS.length) % TABS.length]!;
  if (key === 'Home') return TABS[0]!;
  if (key === 'End') return TABS[TABS.length - 1]!;
  return null;
}

export function WorkForms({ ticket, user }: { ticket: FullTicket; user: SignedInUser }) {
  const { t } = useTranslation();
  const m = useTicketMutations();
  const [tab, setTab] = useState<WorkTab>('internal');
  const [saved, setSaved] = useState<string | null>(null);
  const props = { ticket, m, onSaved: () => setSaved(t(`tickets.work.saved.${tab}`)) };
  const choose = (k: WorkTab) => {
    setTab(k);
    setSaved(null);
  };
  return (
    <section className="card" aria-labelledby="work-title">
      <h2 id="work-title">{t('tickets.work.title')}</h2>
      <div
        className="tabs"
        role="tablist"
        aria-label={t('tickets.work.title')}
        onKeyDown={(e) => {
          const next = tabAfter(e.key, tab);
          if (!next) return;
          e.preventDefault();
          choose(next);
          document.getElementById(`work-tab-${next}`)?.focus();
        }}
      >
        {TABS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`work-tab-${k}`}
            aria-selected={tab === k}
            aria-controls="work-panel"
            tabIndex={tab === k ? 0 : -1}
            className={`tab${tab === k ? ' active' : ''}`}
            onClick={() => choose(k)}
          >
            {t(`tickets.work.tabs.${k}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="work-panel" aria-labelledby={`work-tab-${tab}`} className="work-panel">
        {(tab === 'internal' || tab === 'reporter') && <NoteForm key={tab} visibility={tab} {...props} />}
        {tab === 'respond' && <RespondForm {...props} />}
        {tab === 'remote' && <RemoteSessionForm {...props} />}
        {tab === 'onSite' && <OnSiteVisitForm user={user} {...props} />}
        {saved && (
          <p className="success" role="status">
            {saved}
          </p>
        )}
      </div>
    </section>
  );
}
