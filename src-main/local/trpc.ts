// tRPC for the desk's local router: context, error shape and the procedure
// builders. Domain errors and validation errors leave here with their field
// names and codes so the renderer can show them next to the right input.
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { DomainError } from '../../src-shared/errors';
import { SlaError } from '../../src-shared/sla';
import type { Desk } from '../desk/openDesk';

export interface LocalContext {
  desk: Desk;
}

export interface FieldIssue {
  code: string;
  message: string;
  /** Set by custom checks (e.g. "phone", "future") so the UI can explain them precisely. */
  reason?: string;
}

function fieldIssues(error: ZodError): Record<string, FieldIssue[]> {
  const out: Record<string, FieldIssue[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    const reason =
      issue.code === 'custom'
        ? (issue.params?.reason as string | undefined)
        : issue.code === 'too_small' || issue.code === 'too_big'
          ? `${issue.code}_${issue.origin}`
          : undefined;
    (out[key] ??= []).push({ code: issue.code, message: issue.message, ...(reason ? { reason } : {}) });
  }
  return out;
}

const t = initTRPC.context<LocalContext>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        fieldErrors: cause instanceof ZodError ? fieldIssues(cause) : null,
        domain: cause instanceof DomainError ? { code: cause.code, details: cause.details } : null,
        sla: cause instanceof SlaError ? { code: cause.code, issues: [...cause.issues] } : null,
      },
    };
  },
});

/** Turns rule violations and late validation failures into proper client errors. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR') {
    const cause = result.error.cause;
    if (cause instanceof DomainError) {
      const code =
        cause.code === 'notFound' ? 'NOT_FOUND' : cause.code === 'forbidden' ? 'FORBIDDEN' : 'CONFLICT';
      throw new TRPCError({ code, message: cause.message, cause });
    }
    if (cause instanceof SlaError)
      throw new TRPCError({ code: 'BAD_REQUEST', message: cause.message, cause });
    if (cause instanceof ZodError)
      throw new TRPCError({ code: 'BAD_REQUEST', message: cause.message, cause });
  }
  return result;
});

export const router = t.router;
export const publicProcedure = t.procedure.use(domainErrors);

/** Procedures that act for someone: the desk must have a profile. */
export const actorProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const actor = await ctx.desk.profile();
  if (!actor) {
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: 'Choose a profile first',
      cause: new DomainError('profileRequired', 'Choose a profile first'),
    });
  }
  return next({ ctx: { ...ctx, actor } });
});
