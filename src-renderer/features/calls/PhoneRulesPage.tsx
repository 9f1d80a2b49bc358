// The administrator's phone rules (Zammad's generic CTI answers): the block
// list — inbound calls from these numbers are rejected as busy by the phone
// system and never reach the queue — with who blocked each number, when and
// why, and until when; blocking a number (or changing its entry), lifting a
// block after a confirmation; and the outbound caller-ID rules. Both are
// synced to every desk, so the page works offline and follows changes made on
// other desks live (liveQueries.ts).
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  ANONYMOUS,
  expiryAfterDate,
  isBlockActive,
  lastBlockedDate,
  type BlockedNumber,
  type CallerIdRule,
} from '../../../src-shared/calls/phoneRules';
import { formatPhone } from '../../../src-shared/phone';
import { errorMessage } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import {
  FieldMessage,
  Form,
  FormButtons,
  FormError,
  FormField,
  showServerErrors,
  useFieldError,
} from '../../app/forms';
import { useTRPC } from '../../app/trpc';
import { useModalDialog } from '../../app/useModalDialog';
import { useNow } from '../../app/useNow';

/** "+4791234567" → "91 23 45 67"; the anonymous entry by name. */
function useNumberText(): (number: string) => string {
  const { t } = useTranslation();
  return (number) => (number === ANONYMOUS ? t('admin.phoneRules.anonymous') : formatPhone(number));
}

/** "2026-03-01" → "01.03.2026". */
const dateText = (date: string) => date.split('-').reverse().join('.');

function UnblockDialog({ entry, onClose }: { entry: BlockedNumber; onClose(): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const numberText = useNumberText();
  const unblock = useMutation(trpc.calls.unblockNumber.mutationOptions({ onSuccess: onClose }));
  const dialogRef = useModalDialog();

  return (
    <dialog ref={dialogRef} className="dialog" onClose={onClose} aria-labelledby="unblock-title">
      <h2 id="unblock-title">{t('admin.phoneRules.unblockTitle', { number: numberText(entry.number) })}</h2>
      <p>{t('admin.phoneRules.unblockExplain', { reason: entry.reason })}</p>
      <FormError message={unblock.isError ? errorMessage(unblock.error, t) : null} />
      <div className="row end">
        <button type="button" className="ghost" onClick={() => dialogRef.current?.close()}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          data-autofocus
          disabled={unblock.isPending}
          onClick={() => unblock.mutate({ id: entry.id })}
        >
          {t('admin.phoneRules.unblockConfirm')}
        </button>
      </div>
    </dialog>
  );
}

function BlockList({ entries }: { entries: BlockedNumber[] }) {
  const { t } = useTranslation();
  const numberText = useNumberText();
  const now = useNow(60_000);
  const [unblocking, setUnblocking] = useState<BlockedNumber | null>(null);

  if (entries.length === 0) return <p>{t('admin.phoneRules.none')}</p>;
  return (
    <>
      <div className="table-scroll">
        <table className="table" aria-label={t('admin.phoneRules.blockedTitle')}>
          <thead>
            <tr>
              <th>{t('admin.phoneRules.number')}</th>
              <th>{t('admin.phoneRules.reason')}</th>
              <th>{t('admin.phoneRules.expires')}</th>
              <th>{t('admin.phoneRules.blockedBy')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const active = isBlockActive(e, now);
              return (
                <tr key={e.id} className={active ? undefined : 'inactive'}>
                  <td className="mono nowrap">{numberText(e.number)}</td>
                  <td>{e.reason}</td>
                  <td className="nowrap">
                    {e.expiresAt === null
                      ? t('admin.phoneRules.never')
                      : t(active ? 'admin.phoneRules.through' : 'admin.phoneRules.expired', {
                          date: dateText(lastBlockedDate(e.expiresAt)),
                        })}
                  </td>
                  <td>
                    {e.createdByName}
                    <small className="block muted">{formatDateTime(e.createdAt)}</small>
                  </td>
                  <td className="actions">
                    <button type="button" onClick={() => setUnblocking(e)}>
                      {t('admin.phoneRules.unblock')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {unblocking && <UnblockDialog entry={unblocking} onClose={() => setUnblocking(null)} />}
    </>
  );
}

const EMPTY_BLOCK = { number: '', reason: '', expiresOn: '' };
const BLOCK_FIELDS = Object.keys(EMPTY_BLOCK);

function BlockNumberForm() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const numberText = useNumberText();
  const [done, setDone] = useState<string | null>(null);
  const form = useForm({ defaultValues: EMPTY_BLOCK });
  const block = useMutation(trpc.calls.blockNumber.mutationOptions());

  const submit = form.handleSubmit(async (v) => {
    setDone(null);
    const expiresAt = v.expiresOn ? expiryAfterDate(v.expiresOn) : null;
    if (v.expiresOn && !expiresAt) {
      form.setError('expiresOn', { type: 'invalid_format' });
      return;
    }
    try {
      const r = await block.mutateAsync({ number: v.number, reason: v.reason, expiresAt });
      const number = numberText(r.number);
      setDone(t(r.created ? 'admin.phoneRules.blocked' : 'admin.phoneRules.updated', { number }));
      form.reset(EMPTY_BLOCK);
      form.setFocus('number');
    } catch (e) {
      showServerErrors(form, e, t, BLOCK_FIELDS, { rename: { expiresAt: 'expiresOn' } });
    }
  });

  return (
    <Form
      form={form}
      wording="admin.phoneRules.errors"
      className="card"
      onSubmit={submit}
      aria-labelledby="block-number-title"
    >
      <h2 id="block-number-title">{t('admin.phoneRules.blockTitle')}</h2>
      <FormField
        label={t('admin.phoneRules.number')}
        required
        hint={t('admin.phoneRules.numberHint')}
        registration={form.register('number')}
      >
        {(c) => <input {...c} inputMode="tel" autoComplete="off" />}
      </FormField>
      <FormField label={t('admin.phoneRules.reason')} required registration={form.register('reason')}>
        {(c) => <textarea rows={2} maxLength={200} {...c} />}
      </FormField>
      <FormField
        label={t('admin.phoneRules.expiresOn')}
        hint={t('admin.phoneRules.expiresOnHint')}
        className="narrow-field"
        registration={form.register('expiresOn')}
      >
        {(c) => <input type="date" {...c} />}
      </FormField>
      <FormError message={form.formState.errors.root?.message} />
      {done && (
        <p className="success" role="status">
          {done}
        </p>
      )}
      <FormButtons pending={block.isPending}>{t('admin.phoneRules.block')}</FormButtons>
    </Form>
  );
}

/** A rule's error at a path ("rules.2.prefix"), worded by the field's own messages. */
function RuleError({ path, field }: { path: string; field: 'prefix' | 'callerId' }) {
  return <FieldMessage error={useFieldError(path)} messages={`admin.phoneRules.errors.${field}`} />;
}

function CallerIdRulesForm({
  initial,
  onSaved,
}: {
  initial: CallerIdRule[];
  /** With the instant the rules were saved at (the form starts afresh once the page has them). */
  onSaved(updatedAt: string): void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const form = useForm<{ rules: CallerIdRule[] }>({ defaultValues: { rules: initial } });
  const rules = useFieldArray({ control: form.control, name: 'rules' });
  const save = useMutation(trpc.calls.setCallerIdRules.mutationOptions());

  const submit = form.handleSubmit(async (v) => {
    try {
      onSaved((await save.mutateAsync({ rules: v.rules })).updatedAt);
    } catch (e) {
      showServerErrors(form, e, t, (path) => (/^rules\.\d+\.(prefix|callerId)$/.test(path) ? path : null));
    }
  });

  return (
    <Form form={form} onSubmit={submit} aria-labelledby="caller-id-title">
      {rules.fields.length === 0 ? (
        <p>{t('admin.phoneRules.noRules')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('admin.phoneRules.prefix')}</th>
              <th>{t('admin.phoneRules.callerId')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rules.fields.map((f, i) => (
              <tr key={f.id}>
                <td>
                  <input
                    aria-label={`${t('admin.phoneRules.prefix')} ${i + 1}`}
                    inputMode="tel"
                    placeholder="+47"
                    autoComplete="off"
                    {...form.register(`rules.${i}.prefix`)}
                  />
                  <RuleError path={`rules.${i}.prefix`} field="prefix" />
                </td>
                <td>
                  <input
                    aria-label={`${t('admin.phoneRules.callerId')} ${i + 1}`}
                    inputMode="tel"
                    autoComplete="off"
                    {...form.register(`rules.${i}.callerId`)}
                  />
                  <RuleError path={`rules.${i}.callerId`} field="callerId" />
                </td>
                <td className="actions">
                  <button
                    type="button"
                    className="ghost"
                    disabled={i === 0}
                    aria-label={`${t('admin.phoneRules.moveUp')} ${i + 1}`}
                    onClick={() => rules.move(i, i - 1)}
                  >
                    ↑
                  </button>
                  <button type="button" className="ghost" onClick={() => rules.remove(i)}>
                    {t('common.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" onClick={() => rules.append({ prefix: '', callerId: '' })}>
        {t('admin.phoneRules.addRule')}
      </button>
      <FormError message={form.formState.errors.root?.message} />
      <FormButtons pending={save.isPending}>{t('admin.phoneRules.save')}</FormButtons>
    </Form>
  );
}

export function PhoneRulesPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const rules = useQuery(trpc.calls.phoneRules.queryOptions());
  const [savedAt, setSavedAt] = useState<string | null>(null);

  return (
    <div className="admin-layout">
      <div className="stack">
        <section className="card" aria-labelledby="blocked-title">
          <h1 id="blocked-title">{t('admin.phoneRules.blockedTitle')}</h1>
          <p className="muted">{t('admin.phoneRules.blockedIntro')}</p>
          {rules.isError && <p role="alert">{errorMessage(rules.error, t)}</p>}
          {rules.isPending && <p className="muted">{t('common.loading')}</p>}
          {rules.data && <BlockList entries={rules.data.blockList} />}
        </section>
        <section className="card" aria-labelledby="caller-id-title">
          <h2 id="caller-id-title">{t('admin.phoneRules.rulesTitle')}</h2>
          <p className="muted">{t('admin.phoneRules.rulesIntro')}</p>
          {rules.data?.rulesUpdatedAt && (
            <p className="muted">
              {t('admin.phoneRules.lastChanged', {
                when: formatDateTime(rules.data.rulesUpdatedAt),
                who: rules.data.rulesUpdatedBy,
              })}
            </p>
          )}
          {savedAt !== null && savedAt === rules.data?.rulesUpdatedAt && (
            <p className="success" role="status">
              {t('admin.phoneRules.saved')}
            </p>
          )}
          {rules.data && (
            // A change saved here or on another desk starts the form afresh from what is in force.
            <CallerIdRulesForm
              key={rules.data.rulesUpdatedAt ?? 'none'}
              initial={rules.data.callerIdRules}
              onSaved={setSavedAt}
            />
          )}
        </section>
      </div>
      <aside>
        <BlockNumberForm />
      </aside>
    </div>
  );
}
