// A suspected outage (opened by the central store's probe) waits for a team
// lead: confirm it with its cause (it then counts, or is excluded, like any
// recorded outage), or dismiss it with the reason it was no outage.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { OUTAGE_CAUSES, type OutageCause } from '../../../src-shared/systems/outages';
import { errorMessage } from '../../app/errors';
import { Field, FormError } from '../../app/forms';
import { useTRPC } from '../../app/trpc';
import { CauseOptions } from './causes';
import type { OutageCard } from './types';

export function SuspectedActions({ outage }: { outage: OutageCard }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [cause, setCause] = useState<OutageCause>(
    (OUTAGE_CAUSES as readonly string[]).includes(outage.cause) ? (outage.cause as OutageCause) : 'unknown',
  );
  const [title, setTitle] = useState(outage.title);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const confirm = useMutation(trpc.systems.confirmOutage.mutationOptions());
  const dismiss = useMutation(trpc.systems.dismissOutage.mutationOptions());
  const failed = confirm.error ?? dismiss.error;
  return (
    <section className="card suspected" aria-labelledby="suspected-title">
      <h2 id="suspected-title">{t('systems.suspected.title')}</h2>
      <p className="muted small">{t('systems.suspected.intro')}</p>
      <form
        noValidate
        aria-label={t('systems.suspected.confirm')}
        onSubmit={(e) => {
          e.preventDefault();
          confirm.mutate({ outageId: outage.id, cause, title: title.trim() || undefined });
        }}
      >
        <div className="form-grid">
          <Field label={t('systems.outages.titleField')}>
            <input value={title} onChange={(e) => setTitle(e.target.value)} autoComplete="off" />
          </Field>
          <Field label={t('systems.outages.cause')} required>
            <select value={cause} onChange={(e) => setCause(e.target.value as OutageCause)}>
              <CauseOptions />
            </select>
          </Field>
        </div>
        <div className="row end">
          <button type="submit" className="primary" disabled={confirm.isPending}>
            {t('systems.suspected.confirm')}
          </button>
        </div>
      </form>
      <form
        noValidate
        aria-label={t('systems.suspected.dismiss')}
        onSubmit={(e) => {
          e.preventDefault();
          if (!reason.trim()) return setReasonMissing(true);
          dismiss.mutate({ outageId: outage.id, reason: reason.trim() });
        }}
      >
        <Field label={t('systems.suspected.reason')} required>
          <input
            value={reason}
            aria-invalid={reasonMissing}
            onChange={(e) => {
              setReason(e.target.value);
              setReasonMissing(false);
            }}
            autoComplete="off"
          />
        </Field>
        {reasonMissing && (
          <small className="field-error" role="alert">
            {t('systems.suspected.reasonMissing')}
          </small>
        )}
        <div className="row end">
          <button type="submit" disabled={dismiss.isPending}>
            {t('systems.suspected.dismiss')}
          </button>
        </div>
      </form>
      <FormError message={failed ? errorMessage(failed, t) : null} />
    </section>
  );
}
