// The SLA page: what a priority means right now (deadline preview), the
// service calendar with this year's closed holidays, and the targets and
// calendar exceptions a team lead may change (R1, R4).
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Priority } from '../../../src-shared/sla/settings';
import { canChangeSlaSettings } from '../../../src-shared/roles';
import type { SignedInUser } from '../../app/account';
import { useTRPC } from '../../app/trpc';
import { errorMessage } from '../../app/errors';
import { formatDateTime, todayAt } from '../../app/format';
import { Field } from '../../app/forms';
import { PriorityPicker } from './PriorityPicker';
import { SlaSettingsForm } from './SlaSettingsForm';

export function SlaPage({ user }: { user: SignedInUser }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.sla.settings.queryOptions());
  const year = new Date().getFullYear();
  const holidays = useQuery(
    trpc.sla.holidays.queryOptions({ year, language: i18n.language === 'en' ? 'en' : 'nb' }),
  );
  const [priority, setPriority] = useState<Priority>('high');
  const [openedAtText, setOpenedAtText] = useState('');
  const openedAt = openedAtText ? (todayAt(openedAtText) ?? undefined) : undefined;
  const save = useMutation(
    trpc.sla.setSettings.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.sla.pathKey() }),
    }),
  );
  const editable = canChangeSlaSettings(user.role);

  return (
    <div className="sla-layout">
      <section className="card" aria-labelledby="sla-preview-title">
        <h1 id="sla-preview-title">{t('sla.previewTitle')}</h1>
        <p className="muted">{t('sla.previewIntro')}</p>
        <Field label={t('sla.openedAt')} className="narrow-field">
          <input
            value={openedAtText}
            onChange={(e) => setOpenedAtText(e.target.value)}
            placeholder={t('calls.log.now')}
          />
        </Field>
        <PriorityPicker value={priority} onChange={setPriority} openedAt={openedAt} />
        <h2>{t('sla.holidaysTitle', { year })}</h2>
        <ul className="holidays">
          {holidays.data?.map((h) => (
            <li key={h.date}>
              <time>{h.date.split('-').reverse().join('.')}</time> {h.name}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="sla-settings-title">
        <h1 id="sla-settings-title">{t('sla.settingsTitle')}</h1>
        {settings.data?.updatedAt && (
          <p className="muted">
            {t('sla.lastChanged', {
              when: formatDateTime(settings.data.updatedAt),
              who: settings.data.updatedBy,
            })}
          </p>
        )}
        {!editable && <p className="notice">{t('sla.readOnly')}</p>}
        {settings.isError && <p role="alert">{errorMessage(settings.error, t)}</p>}
        {settings.data && (
          <SlaSettingsForm
            key={settings.data.updatedAt ?? 'default'}
            initial={settings.data.settings}
            editable={editable}
            saving={save.isPending}
            onSave={(value) => save.mutateAsync({ settings: value })}
          />
        )}
      </section>
    </div>
  );
}
