// Adding or changing a system (R21, R23, R26): its name, supplier and
// description, how critical it is, whether it should be available
// continuously (measured against 99.8 %), whether it is the remote-access
// solution, and an optional active check (an HTTP(S) URL or host:port, how
// often, and how many failures in a row open a suspected outage).
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CRITICALITIES, PROBE_KINDS, probeSchema } from '../../../src-shared/systems/register';
import { Form, FormButtons, FormError, FormField, OptionList } from '../../app/forms';
import { useTRPC } from '../../app/trpc';
import { showRefusal } from './refusal';
import type { SystemCard } from './types';
import { newId } from './when';

const PROBE_CHOICES = ['none', ...PROBE_KINDS] as const;

const systemForm = z
  .object({
    name: z.string().trim().min(1).max(120),
    supplier: z.string().trim().max(120),
    description: z.string().trim().max(2000),
    criticality: z.enum(CRITICALITIES),
    continuous: z.boolean(),
    remoteAccess: z.boolean(),
    retired: z.boolean(),
    probeKind: z.enum(PROBE_CHOICES),
    probeTarget: z.string().trim(),
    probeInterval: z.string().trim(),
    probeFailures: z.string().trim(),
  })
  .superRefine((v, ctx) => {
    if (v.probeKind === 'none') return;
    // The shared rules of a probe, each issue on the field it is about.
    const fieldOf: Record<string, string> = {
      target: 'probeTarget',
      intervalSeconds: 'probeInterval',
      failuresToOpen: 'probeFailures',
    };
    const parsed = probeSchema.safeParse(probeOf(v));
    for (const issue of parsed.error?.issues ?? []) {
      const field = fieldOf[String(issue.path[0])];
      if (field) ctx.addIssue({ code: 'custom', path: [field], message: issue.message });
    }
  });
type SystemValues = z.infer<typeof systemForm>;
const FIELDS = [
  'name',
  'supplier',
  'description',
  'criticality',
  'probeTarget',
  'probeInterval',
  'probeFailures',
];
const RENAME = { target: 'probeTarget', intervalSeconds: 'probeInterval', failuresToOpen: 'probeFailures' };

function probeOf(v: SystemValues) {
  if (v.probeKind === 'none') return null;
  return {
    kind: v.probeKind,
    target: v.probeTarget,
    intervalSeconds: v.probeInterval === '' ? Number.NaN : Number(v.probeInterval),
    failuresToOpen: v.probeFailures === '' ? Number.NaN : Number(v.probeFailures),
  };
}

function initialValues(s: SystemCard | null): SystemValues {
  return {
    name: s?.name ?? '',
    supplier: s?.supplier ?? '',
    description: s?.description ?? '',
    criticality: (s?.criticality as SystemValues['criticality']) ?? 'medium',
    continuous: s?.continuous ?? true,
    remoteAccess: s?.remoteAccess ?? false,
    retired: s?.retired ?? false,
    probeKind: s?.probe?.kind ?? 'none',
    probeTarget: s?.probe?.target ?? '',
    probeInterval: String(s?.probe?.intervalSeconds ?? 60),
    probeFailures: String(s?.probe?.failuresToOpen ?? 3),
  };
}

export function SystemForm({
  system,
  onDone,
}: {
  system: SystemCard | null;
  /** Called with the system's id once saved, or null when cancelled. */
  onDone(id: string | null): void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const form = useForm<SystemValues>({
    resolver: zodResolver(systemForm),
    defaultValues: initialValues(system),
  });
  const probeKind = useWatch({ control: form.control, name: 'probeKind' });
  const save = useMutation(trpc.systems.save.mutationOptions());
  const submit = form.handleSubmit(async (v) => {
    const id = system?.id ?? newId();
    try {
      await save.mutateAsync({
        system: {
          id,
          name: v.name,
          supplier: v.supplier || null,
          description: v.description || null,
          criticality: v.criticality,
          continuous: v.continuous,
          remoteAccess: v.remoteAccess,
          probe: probeOf(v),
          retired: v.retired,
        },
      });
      onDone(id);
    } catch (e) {
      showRefusal(form, e, t, FIELDS, RENAME);
    }
  });
  const titleId = system ? `system-form-${system.id}` : 'system-form-new';
  return (
    <Form
      form={form}
      wording="systems.systemForm.errors"
      onSubmit={submit}
      className="subform"
      aria-labelledby={titleId}
    >
      <h2 id={titleId}>
        {system ? t('systems.systemForm.editTitle', { name: system.name }) : t('systems.register.add')}
      </h2>
      <div className="form-grid">
        <FormField label={t('systems.fields.name')} required registration={form.register('name')}>
          {(c) => <input {...c} autoComplete="off" />}
        </FormField>
        <FormField label={t('systems.fields.supplier')} registration={form.register('supplier')}>
          {(c) => <input {...c} autoComplete="off" />}
        </FormField>
        <FormField
          label={t('systems.fields.criticality')}
          required
          registration={form.register('criticality')}
        >
          {(c) => (
            <select {...c}>
              <OptionList values={CRITICALITIES} labels="systems.criticalities" />
            </select>
          )}
        </FormField>
      </div>
      <FormField label={t('systems.fields.description')} registration={form.register('description')}>
        {(c) => <textarea rows={2} {...c} />}
      </FormField>
      <label className="check">
        <input type="checkbox" {...form.register('continuous')} /> {t('systems.fields.continuous')}
      </label>
      <label className="check">
        <input type="checkbox" {...form.register('remoteAccess')} /> {t('systems.fields.remoteAccess')}
      </label>
      {system && (
        <label className="check">
          <input type="checkbox" {...form.register('retired')} /> {t('systems.fields.retired')}
        </label>
      )}
      <fieldset className="field probe-fields">
        <legend>{t('systems.probe.title')}</legend>
        <p className="muted small">{t('systems.probe.intro')}</p>
        <div className="form-grid">
          <FormField label={t('systems.probe.kind')} registration={form.register('probeKind')}>
            {(c) => (
              <select {...c}>
                <OptionList values={PROBE_CHOICES} labels="systems.probe.kinds" />
              </select>
            )}
          </FormField>
          {probeKind !== 'none' && (
            <>
              <FormField
                label={t(probeKind === 'http' ? 'systems.probe.url' : 'systems.probe.hostPort')}
                required
                registration={form.register('probeTarget')}
              >
                {(c) => (
                  <input
                    {...c}
                    autoComplete="off"
                    placeholder={probeKind === 'http' ? 'https://…' : 'server.ror.no:443'}
                  />
                )}
              </FormField>
              <FormField
                label={t('systems.probe.interval')}
                required
                hint={t('systems.probe.intervalHint')}
                registration={form.register('probeInterval')}
              >
                {(c) => <input {...c} type="number" min={5} max={86400} inputMode="numeric" />}
              </FormField>
              <FormField
                label={t('systems.probe.failures')}
                required
                hint={t('systems.probe.failuresHint')}
                registration={form.register('probeFailures')}
              >
                {(c) => <input {...c} type="number" min={1} max={20} inputMode="numeric" />}
              </FormField>
            </>
          )}
        </div>
      </fieldset>
      <FormError message={form.formState.errors.root?.message} />
      <FormButtons pending={save.isPending} onCancel={() => onDone(null)}>
        {t('common.save')}
      </FormButtons>
    </Form>
  );
}
