// Recording work on a ticket, one tab each: an internal note, an update the reporter is sent
// (R6/R9), an answer given outside the desk (R8), a remote session and an on-site visit (R11).
// This module owns the tabs and the "saved" line; each tab's form is its own module in work/.
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

export function WorkForms({ ticket, user }: { ticket: FullTicket; user: SignedInUser }) {
  const { t } = useTranslation();
  const m = useTicketMutations();
  const [tab, setTab] = useState<WorkTab>('internal');
  const [saved, setSaved] = useState<string | null>(null);
  const props = { ticket, m, onSaved: () => setSaved(t(`tickets.work.saved.${tab}`)) };
  return (
    <section className="card" aria-labelledby="work-title">
      <h2 id="work-title">{t('tickets.work.title')}</h2>
      <div className="tabs" role="tablist" aria-label={t('tickets.work.title')}>
        {TABS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`work-tab-${k}`}
            aria-selected={tab === k}
            aria-controls="work-panel"
            className={`tab${tab === k ? ' active' : ''}`}
            onClick={() => {
              setTab(k);
              setSaved(null);
            }}
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
