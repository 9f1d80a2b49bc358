// The SLA page: what a priority means right now (deadline preview), the
// service calendar with this year's closed holidays, and the targets and
// calendar exceptions a team lead may change (R1, R4). A time the preview
// cannot read ("abc", "99:99") is said beside its field, and the preview
// then shows no deadlines rather than those of some other time.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Priority } from '../../../src-shared/sla/settings';
import { canChangeSlaSettings } from '../../../src-shared/roles';
import type { SignedInUser } from '../../app/account';
import { useTRPC } from '../../app/trpc';
import { errorMessage } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { todayAt } from '../../app/typedTime';
import { Field } from '../../app/forms';
import { PriorityPicker } from './PriorityPicker';
import { SlaSettingsForm } from './SlaSettingsForm';

/** A time of day typed as H:mm or HH:mm (00:00–23:59), as today's instant; null when it is none. */
function readTime(text: string): string | null {
  return /^([01]?\d|2[0-3]):[0-5]\d$/.test(text.trim()) ? todayAt(text) : null;
}

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
  const openedAt = openedAtText.trim() ? readTime(openedAtText) : undefined;
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
        <Field
          label={t('sla.openedAt')}
          className="narrow-field"
          error={openedAt === null ? { type: 'time' } : undefined}
          messages="sla.errors"
        >
          <input
            value={openedAtText}
            onChange={(e) => setOpenedAtText(e.target.value)}
            placeholder={t('calls.log.now')}
            aria-invalid={openedAt === null}
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
