// First start (and "change profile"): the agent's name and role on this desk.
// Stands in for login until the central store brings accounts.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { ROLES, type Actor, type Role } from '../../../src-shared/roles';
import { useTRPC } from '../../app/trpc';
import { fieldMessages } from '../../app/errors';

interface Form {
  name: string;
  role: Role;
}

export function ProfileSetup({ current }: { current?: Actor }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const form = useForm<Form>({
    defaultValues: { name: current?.name ?? '', role: current?.role ?? 'agent' },
  });
  const save = useMutation(
    trpc.profile.set.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries();
        if (current) navigate('/');
      },
      onError: (e) => {
        for (const [field, message] of Object.entries(fieldMessages(e, t))) {
          form.setError(field as keyof Form, { message });
        }
      },
    }),
  );
  const errors = form.formState.errors;

  return (
    <main className={current ? undefined : 'centered'}>
      <form className="card narrow" onSubmit={form.handleSubmit((v) => save.mutate(v))} noValidate>
        <h1>{current ? t('profile.changeTitle') : t('profile.welcome')}</h1>
        {!current && <p>{t('profile.intro')}</p>}
        <label className="field">
          <span>{t('profile.name')}</span>
          <input autoFocus {...form.register('name')} aria-invalid={!!errors.name} autoComplete="name" />
          {errors.name && <small className="field-error">{errors.name.message}</small>}
        </label>
        <label className="field">
          <span>{t('profile.role')}</span>
          <select {...form.register('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('profile.save')}
        </button>
      </form>
    </main>
  );
}
