// A remote session (R11): the tool, when it started and ended, what was done and the result.
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { remoteSessionSchema } from '../../../../src-shared/tickets/schemas';
import { FormField, Suggestions } from '../../../app/forms';
import { whenOrNow, whenText, WhenField } from './when';
import { useRecordWork, WorkForm, type WorkProps } from './WorkForm';

const remote = remoteSessionSchema.shape;
const remoteForm = z.object({
  tool: remote.tool,
  startedAt: whenText,
  endedAt: whenOrNow,
  work: remote.work,
  result: remote.result,
});
type RemoteValues = z.input<typeof remoteForm>;
const REMOTE_TOOLS = ['BeyondTrust', 'TeamViewer', 'Microsoft Teams', 'Quick Assist', 'Remote Desktop (RDP)'];

export function RemoteSessionForm(props: WorkProps) {
  const { ticket, m } = props;
  const { t } = useTranslation();
  const form = useForm<RemoteValues>({
    resolver: zodResolver(remoteForm),
    defaultValues: { tool: '', startedAt: '', endedAt: '', work: '', result: '' },
  });
  const send = useRecordWork(form, props, ['startedAt', 'endedAt'], (v, span) => ({
    kind: 'remote_session',
    remote: { ...v, startedAt: span.start, endedAt: span.end },
  }));
  return (
    <WorkForm
      form={form}
      tab="remote"
      hint={t(ticket.status === 'new' ? 'tickets.work.startsTicket' : 'tickets.work.remoteHint')}
      onSubmit={send}
      pending={m.work.isPending}
    >
      <div className="grid3">
        <FormField label={t('tickets.work.tool')} required registration={form.register('tool')}>
          {(c) => <Suggestions control={c} id="remote-tools" options={REMOTE_TOOLS} />}
        </FormField>
        <WhenField label={t('tickets.work.startedAt')} required registration={form.register('startedAt')} />
        <WhenField label={t('tickets.work.endedAt')} registration={form.register('endedAt')} />
      </div>
      <FormField label={t('tickets.work.work')} required registration={form.register('work')}>
        {(c) => <textarea rows={3} {...c} />}
      </FormField>
      <FormField label={t('tickets.work.result')} required registration={form.register('result')}>
        {(c) => <input {...c} />}
      </FormField>
    </WorkForm>
  );
}
