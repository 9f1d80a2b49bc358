// The register of business systems and their roles per customer (R26): what
// a system is, who owns it where, and the rules the register keeps.
import { z } from 'zod';
import { textSchema } from '../text';
import { instantSchema, clientInstantSchema } from '../time';

export const CRITICALITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Criticality = (typeof CRITICALITIES)[number];

/** The roles a system has at a customer (R26); the coordinator is ROR-IKT's own. */
export const SYSTEM_ROLES = ['owner', 'responsible', 'securityOfficer', 'coordinator'] as const;
export type SystemRole = (typeof SYSTEM_ROLES)[number];

export const PROBE_KINDS = ['http', 'tcp'] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];

const requiredText = (max: number, message: string) => textSchema.trim().min(1, message).max(max);
export const optionalText = (max: number) =>
  textSchema
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** An active check of the system (issue 16 item 6): an HTTP(S) URL or a host:port, every so often. */
export const probeSchema = z
  .object({
    kind: z.enum(PROBE_KINDS),
    target: requiredText(500, 'Give the URL or host:port to check'),
    intervalSeconds: z.number().int().min(5, 'Check at most every 5 seconds').max(86_400),
    /** Failures in a row before a suspected outage opens. */
    failuresToOpen: z.number().int().min(1).max(20),
  })
  .superRefine((p, ctx) => {
    if (p.kind === 'http') {
      const url = URL.canParse(p.target) ? new URL(p.target) : null;
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
        ctx.addIssue({ code: 'custom', path: ['target'], message: 'Not an http:// or https:// URL' });
      }
    } else if (!/^[A-Za-z0-9.-]+:\d{1,5}$/.test(p.target) || Number(p.target.split(':').pop()) > 65_535) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'Give the TCP target as host:port' });
    }
  });
export type Probe = z.output<typeof probeSchema>;

export const systemEntrySchema = z.object({
  id: z.uuid(),
  name: requiredText(120, 'The system needs a name'),
  supplier: optionalText(120),
  description: optionalText(2000),
  criticality: z.enum(CRITICALITIES),
  /** R21: the systems that should be available continuously are measured against 99.8 %. */
  continuous: z.boolean(),
  /** R23: the remote-access solution, whose downtime never counts against the systems behind it. */
  remoteAccess: z.boolean(),
  probe: probeSchema.nullish().transform((v) => v ?? null),
  retired: z.boolean().default(false),
});
export type SystemEntry = z.output<typeof systemEntrySchema>;

export const systemSaveArgs = z.object({ at: clientInstantSchema, system: systemEntrySchema });

/** A role holder: a reporter from the directory, or a name typed with a contact. */
export const roleHolderSchema = z
  .object({
    name: requiredText(120, 'Name the person'),
    reporterId: z
      .uuid()
      .nullish()
      .transform((v) => v ?? null),
    contact: optionalText(160),
  })
  .nullish()
  .transform((v) => v ?? null);
export type RoleHolder = z.output<typeof roleHolderSchema>;

export const systemRolesArgs = z.object({
  at: clientInstantSchema,
  systemId: z.uuid(),
  customerId: z.string().trim().min(1, 'Choose the customer').max(64),
  owner: roleHolderSchema,
  responsible: roleHolderSchema,
  securityOfficer: roleHolderSchema,
  /** ROR-IKT's coordination responsible: a name (an account's, or typed). */
  coordinator: roleHolderSchema,
});
export type SystemRolesArgs = z.output<typeof systemRolesArgs>;

export const systemCustomerRemoveArgs = z.object({
  at: clientInstantSchema,
  systemId: z.uuid(),
  customerId: z.string().trim().min(1).max(64),
});

/** The one id of a system's row at a customer, the same on every desk (store: namedId). */
export const systemCustomerName = (systemId: string, customerId: string) =>
  `system_customer:${systemId}:${customerId}`;

/** R26: a system in use at a customer must have an owner there; these lack one. */
export function lacksOwner(row: { ownerName: string | null }): boolean {
  return !row.ownerName;
}

export { instantSchema };
