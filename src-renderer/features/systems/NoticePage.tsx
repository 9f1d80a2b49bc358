// A notice's page (R14): what users are told, about which systems and
// customers, and its updates in time order; team leads and admins add an
// update, which may move the notice to a new state (resolved ends it).
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { z } from 'zod';
import { NOTICE_STATES } from '../../../src-shared/systems/notices';
import type { SignedInUser } from '../../app/account';
import { domainCode, errorMessage } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { ctrlEnterTo, Form, FormButtons, FormError, FormField, OptionList } from '../../app/forms';
import { useTRPC } from '../../app/trpc';
import { useCustomers, useSystemList } from './lookups';
import { PublicNoticesNote } from './PublicNoticesNote';
import { showRefusal } from './refusal';
import { managesSystems } from './roles';
import { SystemsTabs } from './SystemsTabs';
import type { NoticeCard } from './types';

export function NoticePage({ id, user }: { id: string; user: SignedInUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const q = useQuery(trpc.systems.notice.queryOptions({ id }));
  const systems = useSystemList();
  const customers = useCustomers();
  if (q.isPending) return <p className="card">{t('common.loading')}</p>;
  if (q.isError) {
    return (
      <section className="card">
        <p role="alert">
          {domainCode(q.error) === 'notFound' ? t('systems.notice.notFound') : errorMessage(q.error, t)}
        </p>
        <Link href="/systems/notices">{t('systems.notice.back')}</Link>
      </section>
    );
  }
  const notice = q.data;
  return (
    <div className="systems-page" data-notice-id={notice.id}>
      <SystemsTabs />
      <header className="card">
        <p className="crumbs">
          <Link href="/systems/notices">{t('systems.tabs.notices')}</Link> ›
        </p>
        <h1>{notice.title}</h1>
        <p>
          <strong className={`tag notice-state-${notice.state}`} data-testid="notice-state">
            {t(`systems.noticeStates.${notice.state}`)}
          </strong>
        </p>
        <dl className="facts">
          <dt>{t('systems.fields.systems')}</dt>
          <dd>
            {notice.systemIds.length === 0
              ? '–'
              : notice.systemIds.map((sid, i) => (
                  <span key={sid}>
                    {i > 0 && ', '}
                    <Link href={`/systems/${sid}`}>{systems.name(sid)}</Link>
                  </span>
                ))}
          </dd>
          <dt>{t('systems.fields.customers')}</dt>
          <dd>
            {notice.customerIds.length === 0
              ? t('systems.outages.allCustomers')
              : notice.customerIds.map(customers.name).join(', ')}
          </dd>
          <dt>{t('systems.fields.startsAt')}</dt>
          <dd>{formatDateTime(notice.startsAt)}</dd>
          <dt>{t('systems.fields.endsAt')}</dt>
          <dd>{notice.endsAt ? formatDateTime(notice.endsAt) : '–'}</dd>
          {notice.outageId && (
            <>
              <dt>{t('systems.notice.outage')}</dt>
              <dd>
                <Link href={`/systems/outages/${notice.outageId}`}>{t('systems.notice.openOutage')}</Link>
              </dd>
            </>
          )}
          {notice.windowId && (
            <>
              <dt>{t('systems.notice.window')}</dt>
              <dd>{t('systems.notice.announcesWindow')}</dd>
            </>
          )}
        </dl>
        <PublicNoticesNote />
      </header>
      <section className="card" aria-labelledby="notice-updates">
        <h2 id="notice-updates">{t('systems.notice.updates')}</h2>
        <ol className="timeline notice-updates" data-testid="notice-updates">
          {notice.updates.map((u) => (
            <li key={u.id}>
              <time dateTime={u.at}>{formatDateTime(u.at)}</time> · {u.createdByName} ·{' '}
              <strong>{t(`systems.noticeStates.${u.state}`, { defaultValue: u.state })}</strong>
              <p className="pre">{u.text}</p>
            </li>
          ))}
        </ol>
        {managesSystems(user.role) && <UpdateForm notice={notice} />}
      </section>
    </div>
  );
}

const updateForm = z.object({ state: z.enum(NOTICE_STATES), text: z.string().trim().min(1).max(4000) });
type UpdateValues = z.infer<typeof updateForm>;

function UpdateForm({ notice }: { notice: NoticeCard }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const form = useForm<UpdateValues>({
    resolver: zodResolver(updateForm),
    defaultValues: { state: notice.state as UpdateValues['state'], text: '' },
  });
  const update = useMutation(trpc.systems.updateNotice.mutationOptions());
  const submit = form.handleSubmit(async (v) => {
    try {
      await update.mutateAsync({ noticeId: notice.id, state: v.state, text: v.text });
      form.reset({ state: v.state, text: '' });
    } catch (e) {
      showRefusal(form, e, t, ['state', 'text']);
    }
  });
  return (
    <Form
      form={form}
      wording="systems.noticeForm.errors"
      onSubmit={submit}
      className="subform"
      aria-labelledby="update-form-title"
    >
      <h3 id="update-form-title">{t('systems.notice.addUpdate')}</h3>
      <FormField
        label={t('systems.notice.newState')}
        required
        className="narrow-field"
        registration={form.register('state')}
      >
        {(c) => (
          <select {...c}>
            <OptionList values={NOTICE_STATES} labels="systems.noticeStates" />
          </select>
        )}
      </FormField>
      <FormField label={t('systems.notice.updateText')} required registration={form.register('text')}>
        {(c) => <textarea rows={3} {...c} onKeyDown={ctrlEnterTo(submit)} />}
      </FormField>
      <FormError message={form.formState.errors.root?.message} />
      <FormButtons pending={update.isPending} shortcut>
        {t('systems.notice.saveUpdate')}
      </FormButtons>
    </Form>
  );
}
