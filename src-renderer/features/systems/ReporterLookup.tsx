// Finding a role holder in the reporter directory (issue 6) by phone number,
// as caller recognition does: the number typed, the directory says whose it
// is, and "Use" fills in the name, contact and the link to the reporter.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatPhone, parsePhone } from '../../../src-shared/phone';
import { Field } from '../../app/forms';
import { useTRPC } from '../../app/trpc';
import { useDebounced } from '../../app/useDebounced';

export interface PickedReporter {
  reporterId: string;
  name: string;
  contact: string;
}

export function ReporterLookup({ label, onPick }: { label: string; onPick(r: PickedReporter): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [typed, setTyped] = useState('');
  const number = useDebounced(typed.trim(), 300);
  const parsed = parsePhone(number);
  const lookUp = number !== '' && parsed.ok;
  const found = useQuery(trpc.reporters.recognize.queryOptions({ number }, { enabled: lookUp }));
  const settled = lookUp && typed.trim() === number && found.isSuccess;
  const reporter = settled ? found.data : null;
  return (
    <div className="reporter-lookup">
      <Field label={label}>
        <input
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          inputMode="tel"
          autoComplete="off"
          placeholder={t('systems.roles.lookupPlaceholder')}
        />
      </Field>
      {typed.trim() !== '' && !parsePhone(typed.trim()).ok && (
        <small className="muted">{t('validation.phone')}</small>
      )}
      {settled && !reporter && <small className="muted">{t('systems.roles.notInDirectory')}</small>}
      {reporter && parsed.ok && (
        <span className="row wrap found-reporter">
          <span>
            <strong>{reporter.name}</strong>{' '}
            <small className="muted">
              {[reporter.customerName, reporter.workplace].filter(Boolean).join(', ')}
            </small>
          </span>
          <button
            type="button"
            onClick={() => {
              onPick({
                reporterId: reporter.reporterId,
                name: reporter.name,
                contact: [formatPhone(parsed.e164), reporter.email].filter(Boolean).join(', ').slice(0, 160),
              });
              setTyped('');
            }}
          >
            {t('systems.roles.use')}
          </button>
        </span>
      )}
    </div>
  );
}
