// The one-text steps (temporary solution R12, resolution, reason to reopen) and their form.
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  ticketReopenArgs,
  ticketResolveArgs,
  ticketTemporarySolutionArgs,
} from '../../../../src-shared/tickets/schemas';
import { ctrlEnterTo, FormField, savedOrShown } from '../../../app/forms';
import { TICKET_REFUSALS } from '../systemLinks/errors';
import type { FullTicket } from '../types';
import type { TicketMutations } from '../useTicketMutations';
import { ActionPanel, type PanelProps } from './ActionPanel';

interface RunOpts {
  onSuccess(): void;
  onError(e: unknown): void;
}

interface TextStep {
  /** Its texts (see ActionPanel), and the field's label `<texts>.<label>`. */
  texts: string;
  label: string;
  intro?(ticket: FullTicket): string;
  /** The field's error wording (see errorText). */
  messages: string;
  schema: z.ZodType<string, string>;
  /** The text's name in the mutation's arguments. */
  serverName: string;
  run(m: TicketMutations, ticketId: string, text: string, opts: RunOpts): void;
}

const STEPS = {
  temporarySolution: {
    texts: 'tickets.temporary',
    label: 'description',
    messages: 'tickets.errors.temporaryDescription',
    schema: ticketTemporarySolutionArgs.shape.description,
    serverName: 'description',
    run: (m, ticketId, description, opts) => m.temporarySolution.mutate({ ticketId, description }, opts),
  },
  resolve: {
    texts: 'tickets.resolve',
    label: 'resolution',
    intro: (ticket) => (ticket.notifyBy === 'none' ? 'introNoNotify' : 'intro'),
    messages: 'tickets.errors.resolution',
    schema: ticketResolveArgs.shape.resolution,
    serverName: 'resolution',
    run: (m, ticketId, resolution, opts) => m.resolve.mutate({ ticketId, resolution }, opts),
  },
  reopen: {
    texts: 'tickets.reopen',
    label: 'reason',
    messages: 'tickets.errors.reopenReason',
    schema: ticketReopenArgs.shape.reason,
    serverName: 'reason',
    run: (m, ticketId, reason, opts) => m.reopen.mutate({ ticketId, reason }, opts),
  },
} satisfies Record<string, TextStep>;

export type TextStepName = keyof typeof STEPS;

export function TextStepForm({ step, ticket, m, onDone, onCancel }: PanelProps & { step: TextStepName }) {
  const { t } = useTranslation();
  const s: TextStep = STEPS[step];
  const form = useForm<{ text: string }>({
    resolver: zodResolver(z.object({ text: s.schema })),
    defaultValues: { text: '' },
  });
  const send = form.handleSubmit((v) =>
    s.run(
      m,
      ticket.id,
      v.text,
      savedOrShown(form, t, ['text'], onDone, { ...TICKET_REFUSALS, rename: { [s.serverName]: 'text' } }),
    ),
  );
  return (
    <ActionPanel
      form={form}
      texts={s.texts}
      intro={s.intro?.(ticket)}
      shortcut
      onSubmit={send}
      onCancel={onCancel}
      pending={m[step].isPending}
    >
      <FormField
        label={t(`${s.texts}.${s.label}`)}
        required
        messages={s.messages}
        registration={form.register('text')}
      >
        {(c) => <textarea rows={3} autoFocus {...c} onKeyDown={ctrlEnterTo(send)} />}
      </FormField>
    </ActionPanel>
  );
}
