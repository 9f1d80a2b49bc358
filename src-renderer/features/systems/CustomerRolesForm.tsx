// A system's roles at one customer municipality (R26): the system owner, the
// system responsible and the security officer (each found in the reporter
// directory or typed as a name and a contact), and ROR-IKT's coordination
// responsible (one of the desk's people, or typed). The first save adds the
// customer to the system.
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useForm, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { SYSTEM_ROLES, type SystemRole } from '../../../src-shared/systems/register';
import { Form, FormButtons, FormError, FormField, Suggestions } from '../../app/forms';
import { useTRPC } from '../../app/trpc';
import { useCustomers } from './lookups';
import { showRefusal } from './refusal';
import { ReporterLookup } from './ReporterLookup';
import type { CustomerRoles, RoleHolderView } from './types';

const holder = z
  .object({
    name: z.string().trim().max(120),
    contact: z.string().trim().max(160),
    reporterId: z.string(),
  })
  .refine((h) => h.name !== '' || h.contact === '', { path: ['name'], message: 'Name the person' });

const rolesForm = z.object({
  customerId: z.string().min(1),
  owner: holder,
  responsible: holder,
  securityOfficer: holder,
  coordinator: holder,
});
type RolesValues = z.infer<typeof rolesForm>;
type HolderValues = RolesValues['owner'];

const FIELDS = ['customerId', ...SYSTEM_ROLES.map((r) => `${r}.name`)];

const holderValues = (h: RoleHolderView | null | undefined): HolderValues => ({
  name: h?.name ?? '',
  contact: h?.contact ?? '',
  reporterId: h?.reporterId ?? '',
});

const holderArgs = (h: HolderValues) =>
  h.name ? { name: h.name, contact: h.contact || null, reporterId: h.reporterId || null } : null;

export function CustomerRolesForm({
  systemId,
  systemName,
  roles,
  usedCustomerIds,
  onDone,
}: {
  systemId: string;
  systemName: string;
  /** The customer's roles now; null to add a customer. */
  roles: CustomerRoles | null;
  /** Customers the system already has (not offered when adding). */
  usedCustomerIds: readonly string[];
  onDone(): void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const customers = useCustomers();
  const form = useForm<RolesValues>({
    resolver: zodResolver(rolesForm),
    defaultValues: {
      customerId: roles?.customerId ?? '',
      owner: holderValues(roles?.owner),
      responsible: holderValues(roles?.responsible),
      securityOfficer: holderValues(roles?.securityOfficer),
      coordinator: holderValues(roles?.coordinator),
    },
  });
  const setRoles = useMutation(trpc.systems.setRoles.mutationOptions());
  const submit = form.handleSubmit(async (v) => {
    try {
      await setRoles.mutateAsync({
        systemId,
        customerId: v.customerId,
        owner: holderArgs(v.owner),
        responsible: holderArgs(v.responsible),
        securityOfficer: holderArgs(v.securityOfficer),
        coordinator: holderArgs(v.coordinator),
      });
      onDone();
    } catch (e) {
      showRefusal(form, e, t, FIELDS);
    }
  });
  const titleId = `roles-form-${roles?.customerId ?? 'new'}`;
  const offered = customers.list.filter((c) => !usedCustomerIds.includes(c.id));
  return (
    <Form
      form={form}
      wording="systems.rolesForm.errors"
      onSubmit={submit}
      className="subform"
      aria-labelledby={titleId}
    >
      <h3 id={titleId}>
        {roles
          ? t('systems.rolesForm.editTitle', {
              system: systemName,
              customer: customers.name(roles.customerId),
            })
          : t('systems.rolesForm.addTitle', { system: systemName })}
      </h3>
      {!roles && (
        <FormField label={t('systems.fields.customer')} required registration={form.register('customerId')}>
          {(c) => (
            <select {...c}>
              <option value="">{t('systems.rolesForm.chooseCustomer')}</option>
              {offered.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      <p className="muted small">{t('systems.rolesForm.intro')}</p>
      <div className="roles-grid">
        {SYSTEM_ROLES.map((role) => (
          <HolderFields key={role} form={form} role={role} />
        ))}
      </div>
      <FormError message={form.formState.errors.root?.message} />
      <FormButtons pending={setRoles.isPending} onCancel={onDone}>
        {t('common.save')}
      </FormButtons>
    </Form>
  );
}

/** One role: from the directory (a customer's people) or the desk's people (the coordinator), or typed. */
function HolderFields({ form, role }: { form: UseFormReturn<RolesValues>; role: SystemRole }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const reporterId = useWatch({ control: form.control, name: `${role}.reporterId` });
  const isCoordinator = role === 'coordinator';
  const staff = useQuery(
    trpc.tickets.staff.queryOptions(undefined, { staleTime: 60_000, enabled: isCoordinator }),
  );
  const roleName = t(`systems.roles.${role}`);
  return (
    <fieldset className="field role-holder">
      <legend>{roleName}</legend>
      {!isCoordinator && (
        <ReporterLookup
          label={t('systems.roles.lookup')}
          onPick={(r) => {
            form.setValue(`${role}.name`, r.name, { shouldDirty: true });
            form.setValue(`${role}.contact`, r.contact, { shouldDirty: true });
            form.setValue(`${role}.reporterId`, r.reporterId, { shouldDirty: true });
            form.clearErrors(`${role}.name`);
          }}
        />
      )}
      <FormField
        label={t('systems.roles.name')}
        messages="systems.rolesForm.errors.holderName"
        registration={form.register(`${role}.name`, {
          // A name typed by hand is no longer the directory's reporter.
          onChange: () => form.setValue(`${role}.reporterId`, ''),
        })}
      >
        {(c) =>
          isCoordinator ? (
            <Suggestions
              control={c}
              id="coordinator-staff"
              options={(staff.data?.staff ?? []).map((s) => s.displayName)}
            />
          ) : (
            <input {...c} autoComplete="off" />
          )
        }
      </FormField>
      <FormField label={t('systems.roles.contact')} registration={form.register(`${role}.contact`)}>
        {(c) => <input {...c} autoComplete="off" placeholder={t('systems.roles.contactPlaceholder')} />}
      </FormField>
      {reporterId && <small className="tag tone-ok">{t('systems.roles.fromDirectory')}</small>}
    </fieldset>
  );
}
