// The systems register's mutators (R26): a system, and its roles at a customer.
import { DomainError } from '../../src-shared/errors';
import { SYSTEMS_MANAGER_ROLES } from '../../src-shared/roles';
import {
  systemCustomerName,
  systemCustomerRemoveArgs,
  systemRolesArgs,
  systemSaveArgs,
  type RoleHolder,
} from '../../src-shared/systems/register';
import { changesOf } from '../mutations/changes';
import { namedId } from '../mutations/derivedId';
import { defineMutation } from '../mutations/define';
import {
  BusinessSystem,
  SystemCustomer,
  type BusinessSystemRow,
  type SystemCustomerRow,
} from '../store/entities';
import { assertCustomerExists } from '../store/referenceData';
import { runSql, selectRow } from '../store/rowSql';
import { recordEvent } from './history';

const nameKey = (name: string) => name.trim().toLocaleLowerCase('nb').replace(/\s+/g, ' ');

export const systemSave = defineMutation({
  name: 'systems.save',
  schemaVersion: 1,
  args: systemSaveArgs,
  roles: SYSTEMS_MANAGER_ROLES,
  async apply(ctx, { at, system }) {
    const others = (await runSql(ctx.manager, `SELECT id, name FROM business_system`, [])) as Array<{
      id: string;
      name: string;
    }>;
    const clash = others.find((o) => o.id !== system.id && nameKey(o.name) === nameKey(system.name));
    if (clash) {
      throw new DomainError('duplicateSystem', `A system named ${clash.name} is already in the register`, {
        field: 'name',
        name: clash.name,
        systemId: clash.id,
      });
    }
    const existing = await selectRow(ctx.manager, BusinessSystem, { id: system.id });
    const probe = system.probe ? JSON.stringify(system.probe) : null;
    const fields = {
      name: system.name,
      supplier: system.supplier,
      description: system.description,
      criticality: system.criticality,
      continuous: system.continuous ? 1 : 0,
      remoteAccess: system.remoteAccess ? 1 : 0,
      probe,
      // The measured availability starts when the probe (as now set) starts watching.
      probeSince: probe === null ? null : existing?.probe === probe ? existing.probeSince : at,
      retired: system.retired ? 1 : 0,
    } satisfies Partial<BusinessSystemRow>;
    if (!existing) {
      await ctx.write.insert(BusinessSystem, {
        id: system.id,
        ...fields,
        createdAt: at,
        updatedAt: at,
        updatedByName: ctx.actor.name,
      });
      await recordEvent(ctx, system.id, 'created', at, fields);
      return { id: system.id, outcome: 'created' as const };
    }
    const changes = changesOf(existing, fields);
    if (Object.keys(changes).length === 0) return { id: system.id, outcome: 'same' as const };
    await ctx.write.update(
      BusinessSystem,
      system.id,
      { ...fields, updatedAt: at, updatedByName: ctx.actor.name },
      existing,
    );
    await recordEvent(ctx, system.id, 'changed', at, { changes });
    return { id: system.id, outcome: 'changed' as const };
  },
});

function holderColumns(prefix: 'owner' | 'responsible' | 'securityOfficer' | 'coordinator', h: RoleHolder) {
  return {
    [`${prefix}Name`]: h?.name ?? null,
    [`${prefix}ReporterId`]: h?.reporterId ?? null,
    [`${prefix}Contact`]: h?.contact ?? null,
  } as Partial<SystemCustomerRow>;
}

/** A system in use at a customer, with its roles there (R26); the first call adds the customer. */
export const systemSetRoles = defineMutation({
  name: 'systems.setRoles',
  schemaVersion: 1,
  args: systemRolesArgs,
  roles: SYSTEMS_MANAGER_ROLES,
  async apply(ctx, args) {
    if (!(await selectRow(ctx.manager, BusinessSystem, { id: args.systemId })))
      throw new DomainError('notFound', `No system with id ${args.systemId}`, { field: 'systemId' });
    await assertCustomerExists(ctx.manager, args.customerId);
    const id = namedId(systemCustomerName(args.systemId, args.customerId));
    const fields: Partial<SystemCustomerRow> = {
      ...holderColumns('owner', args.owner),
      ...holderColumns('responsible', args.responsible),
      ...holderColumns('securityOfficer', args.securityOfficer),
      ...holderColumns('coordinator', args.coordinator),
    };
    const existing = await selectRow(ctx.manager, SystemCustomer, { id });
    if (!existing) {
      await ctx.write.insert(SystemCustomer, {
        id,
        systemId: args.systemId,
        customerId: args.customerId,
        ...(fields as Omit<
          SystemCustomerRow,
          'id' | 'systemId' | 'customerId' | 'createdAt' | 'updatedAt' | 'updatedByName'
        >),
        createdAt: args.at,
        updatedAt: args.at,
        updatedByName: ctx.actor.name,
      });
      await recordEvent(ctx, args.systemId, 'rolesChanged', args.at, {
        customerId: args.customerId,
        added: true,
        roles: fields,
      });
      return { id, outcome: 'created' as const };
    }
    const changes = changesOf(existing, fields);
    if (Object.keys(changes).length === 0) return { id, outcome: 'same' as const };
    await ctx.write.update(
      SystemCustomer,
      id,
      { ...fields, updatedAt: args.at, updatedByName: ctx.actor.name },
      existing,
    );
    await recordEvent(ctx, args.systemId, 'rolesChanged', args.at, { customerId: args.customerId, changes });
    return { id, outcome: 'changed' as const };
  },
});

export const systemRemoveCustomer = defineMutation({
  name: 'systems.removeCustomer',
  schemaVersion: 1,
  args: systemCustomerRemoveArgs,
  roles: SYSTEMS_MANAGER_ROLES,
  async apply(ctx, args) {
    const id = namedId(systemCustomerName(args.systemId, args.customerId));
    const existing = await selectRow(ctx.manager, SystemCustomer, { id });
    if (!existing) return { id, removed: false };
    await ctx.write.delete(SystemCustomer, id);
    await recordEvent(ctx, args.systemId, 'customerRemoved', args.at, {
      customerId: args.customerId,
      roles: existing,
    });
    return { id, removed: true };
  },
});
