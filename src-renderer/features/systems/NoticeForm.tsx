// Publishing an operational notice (R14): its title and text, its state
// (planned, ongoing, resolved), the systems and customers it is about, and
// when it starts and ends. Opened on its own, or prefilled from an outage or
// a one-off maintenance window (the notice then announces it).
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { NOTICE_STATES } from '../../../src-shared/systems/notices';
import { Form, FormButtons, FormError, FormField, OptionList } from '../../app/forms';
import { useTRPC } from '../../app/trpc';
import { CheckList } from './CheckList';
import { useCustomers, useSystemList } from './lookups';
import { showRefusal } from './refusal';
import { inputToInstant, newId, nowInput } from './when';

const noticeForm = z
  .object({
    title: z.string().trim().min(1).max(200),
    body: z.string().trim().min(1).max(4000),
    state: z.enum(NOTICE_STATES),
    systemIds: z.array(z.string()),
    customerIds: z.array(z.string()),
    startsAt: z.string().min(1),
    endsAt: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.systemIds.length + v.customerIds.length === 0)
      ctx.addIssue({ code: 'custom', path: ['systemIds'], message: 'Name the systems or customers' });
    const s = inputToInstant(v.startsAt);
    const e = inputToInstant(v.endsAt);
    if (s && e && Date.parse(e) <= Date.parse(s))
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'Ends before it starts' });
  });
export type NoticeValues = z.infer<typeof noticeForm>;
const FIELDS = ['title', 'body', 'state', 'systemIds', 'customerIds', 'startsAt', 'endsAt'];
const RENAME = { notice: 'systemIds' };

export function NoticeForm({
  prefill = {},
  outageId = null,
  windowId = null,
  onDone,
}: {
  prefill?: Partial<NoticeValues>;
  /** The outage or the window the notice announces. */
  outageId?: string | null;
  windowId?: string | null;
  /** The new notice's id once published; null when cancelled. */
  onDone(id: string | null): void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const systems = useSystemList();
  const customers = useCustomers();
  const form = useForm<NoticeValues>({
    resolver: zodResolver(noticeForm),
    defaultValues: {
      title: '',
      body: '',
      state: 'ongoing',
      systemIds: [],
      customerIds: [],
      startsAt: nowInput(),
      endsAt: '',
      ...prefill,
    },
  });
  const publish = useMutation(trpc.systems.publishNotice.mutationOptions());
  const submit = form.handleSubmit(async (v) => {
    const id = newId();
    try {
      await publish.mutateAsync({
        id,
        outageId,
        windowId,
        notice: {
          title: v.title,
          body: v.body,
          state: v.state,
          systemIds: v.systemIds,
          customerIds: v.customerIds,
          startsAt: inputToInstant(v.startsAt)!,
          endsAt: inputToInstant(v.endsAt),
        },
      });
      onDone(id);
    } catch (e) {
      showRefusal(form, e, t, FIELDS, RENAME);
    }
  });
  return (
    <Form
      form={form}
      wording="systems.noticeForm.errors"
      onSubmit={submit}
      className="subform"
      aria-labelledby="notice-form-title"
    >
      <h2 id="notice-form-title">{t('systems.noticeForm.title')}</h2>
      {(outageId || windowId) && (
        <p className="muted small">
          {t(outageId ? 'systems.noticeForm.fromOutage' : 'systems.noticeForm.fromWindow')}
        </p>
      )}
      <div className="form-grid">
        <FormField label={t('systems.notices.titleField')} required registration={form.register('title')}>
          {(c) => <input {...c} autoComplete="off" />}
        </FormField>
        <FormField label={t('systems.notices.state')} required registration={form.register('state')}>
          {(c) => (
            <select {...c}>
              <OptionList values={NOTICE_STATES} labels="systems.noticeStates" />
            </select>
          )}
        </FormField>
        <FormField label={t('systems.fields.startsAt')} required registration={form.register('startsAt')}>
          {(c) => <input type="datetime-local" {...c} />}
        </FormField>
        <FormField
          label={t('systems.fields.endsAt')}
          hint={t('systems.notices.endsHint')}
          registration={form.register('endsAt')}
        >
          {(c) => <input type="datetime-local" {...c} />}
        </FormField>
      </div>
      <FormField label={t('systems.notices.body')} required registration={form.register('body')}>
        {(c) => <textarea rows={4} {...c} />}
      </FormField>
      <div className="grid2">
        <CheckList<NoticeValues>
          name="systemIds"
          legend={t('systems.fields.systems')}
          options={systems.list.map((s) => ({ value: s.id, label: s.name }))}
          messages="systems.noticeForm.errors.systemIds"
        />
        <CheckList<NoticeValues>
          name="customerIds"
          legend={t('systems.fields.customers')}
          options={customers.list.map((c) => ({ value: c.id, label: c.name }))}
          hint={t('systems.notices.customersHint')}
        />
      </div>
      <FormError message={form.formState.errors.root?.message} />
      <FormButtons pending={publish.isPending} onCancel={() => onDone(null)}>
        {t('systems.noticeForm.publish')}
      </FormButtons>
    </Form>
  );
}
