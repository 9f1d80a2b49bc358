// Errors from the central store, passed on to the renderer with the same
// shape they had there (field errors, domain codes), as if they were local.
import { TRPCClientError } from '@trpc/client';
import { TRPCError } from '@trpc/server';
import { ZodRealError } from 'zod';
import { DomainError, type DomainErrorCode } from '../../src-shared/errors';
import type { CentralRouter } from '../central/router';

type Code = TRPCError['code'];

export function centralUnavailable(e: unknown): TRPCError {
  return new TRPCError({
    code: 'SERVICE_UNAVAILABLE' as Code,
    message: `The central store cannot be reached (${e instanceof Error ? e.message : String(e)})`,
    cause: new DomainError('centralUnavailable', 'The central store cannot be reached'),
  });
}

export function forwardCentralError(e: unknown): never {
  if (!(e instanceof TRPCClientError)) throw e;
  const err = e as TRPCClientError<CentralRouter>;
  const data = err.data;
  if (!data) throw centralUnavailable(e);
  let cause: Error | undefined;
  if (data.domain)
    cause = new DomainError(data.domain.code as DomainErrorCode, err.message, data.domain.details);
  else if (data.fieldErrors) {
    // ZodRealError: a real Error subclass, which tRPC keeps as the cause (a plain ZodError is not).
    cause = new ZodRealError(
      Object.entries(data.fieldErrors).flatMap(([path, issues]) =>
        issues.map((i) => ({
          code: 'custom' as const,
          path: path.split('.'),
          message: i.message,
          input: undefined,
          params: { reason: i.reason ?? i.code },
        })),
      ),
    );
  }
  throw new TRPCError({ code: data.code as Code, message: err.message, cause });
}
