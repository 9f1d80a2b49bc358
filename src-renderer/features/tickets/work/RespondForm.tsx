// An answer given outside the desk (R8): the channel and what the reporter was told.
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { RESPONSE_CHANNELS, ticketRespondArgs } from '../../../../src-shared/tickets/schemas';
import { ChoiceField, FormField } from '../../../app/forms';
import { WorkForm, whenSaved, type WorkProps } from './WorkForm';

const respondForm = ticketRespondArgs.pick({ channel: true, text: true });

export function RespondForm({ ticket, m, onSaved }: WorkProps) {
  const { t } = useTranslation();
  const form = useForm<z.input<typeof respondForm>>({
    resolver: zodResolver(respondForm),
    defaultValues: { channel: 'phone', text: '' },
  });
  const send = form.handleSubmit((v) =>
    m.respond.mutate({ ticketId: ticket.id, ...v }, whenSaved(form, t, ['channel', 'text'], onSaved)),
  );
  return (
    <WorkForm
      form={form}
      tab="respond"
      hint={t(ticket.respondedAt ? 'tickets.work.respondHintLater' : 'tickets.work.respondHint')}
      onSubmit={send}
      pending={m.respond.isPending}
    >
      <ChoiceField
        legend={t('tickets.work.channel')}
        options={RESPONSE_CHANNELS}
        labels="tickets.responseChannels"
        registration={form.register('channel')}
      />
      <FormField
        label={t('tickets.work.respondText')}
        required
        messages="tickets.errors.respondText"
        registration={form.register('text')}
      >
        {(c) => <textarea rows={3} {...c} />}
      </FormField>
    </WorkForm>
  );
}
