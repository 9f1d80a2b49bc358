// One error shape for both routers (the desk's local one and the central
// store's): validation errors keyed by field path, rule violations as a code
// with details, SLA errors with their issues. Every client reads the same.
import { initTRPC, TRPCError, type TRPCDefaultErrorShape } from '@trpc/server';
import { ZodError } from 'zod';
import { DomainError } from '../../src-shared/errors';
import { SlaError } from '../../src-shared/sla';

export interface FieldIssue {
  code: string;
  message: string;
  /** Set by custom checks (e.g. "phone", "future") and size checks, so a UI can explain them precisely. */
  reason?: string;
  /** A custom check's parameters besides its reason (e.g. the missing columns), for the UI's words. */
  params?: Record<string, unknown>;
}

export function fieldIssues(error: ZodError): Record<string, FieldIssue[]> {
  const out: Record<string, FieldIssue[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    const reason =
      issue.code === 'custom'
        ? (issue.params?.reason as string | undefined)
        : issue.code === 'too_small' || issue.code === 'too_big'
          ? `${issue.code}_${issue.origin}`
          : undefined;
    const { reason: _reason, ...params } = issue.code === 'custom' ? (issue.params ?? {}) : {};
    (out[key] ??= []).push({
      code: issue.code,
      message: issue.message,
      ...(reason ? { reason } : {}),
      ...(Object.keys(params).length > 0 ? { params } : {}),
    });
  }
  return out;
}

export function formatError({ shape, error }: { shape: TRPCDefaultErrorShape; error: TRPCError }) {
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
}

/** Maps an error a procedure threw into the client error it deserves (or returns it unchanged). */
export function toClientError(error: TRPCError): TRPCError {
  if (error.code !== 'INTERNAL_SERVER_ERROR') return error;
  const cause = error.cause;
  if (cause instanceof DomainError) {
    const code =
      cause.code === 'notFound' ? 'NOT_FOUND' : cause.code === 'forbidden' ? 'FORBIDDEN' : 'CONFLICT';
    return new TRPCError({ code, message: cause.message, cause });
  }
  if (cause instanceof SlaError || cause instanceof ZodError) {
    return new TRPCError({ code: 'BAD_REQUEST', message: cause.message, cause });
  }
  return error;
}

/**
 * The tRPC instance both routers are built on (the desk's local one and the central store's): the
 * shared error shape, and one middleware that turns rule violations and late validation failures
 * into proper client errors, on every procedure.
 */
export function initRouterKit<Ctx extends object>(
  opts: { sse?: { ping: { enabled: boolean; intervalMs: number } } } = {},
) {
  const t = initTRPC.context<Ctx>().create({ errorFormatter: formatError, ...opts });
  const publicProcedure = t.procedure.use(async ({ next }) => {
    const result = await next();
    if (!result.ok) throw toClientError(result.error);
    return result;
  });
  return { t, router: t.router, publicProcedure };
}
