// A rule about one input field that only the live desk can check (for example
// "not in the future"), reported exactly like a schema error so the renderer
// shows it next to that field. Made by a (failing) parse: zod 4's ZodError
// built with `new` is not an Error instance, and tRPC would report it as an
// unknown internal failure.
import { z, type ZodError } from 'zod';

export function fieldError(
  field: string,
  message: string,
  reason: string,
  /** More for the UI's words (the error shape passes them on as the issue's params). */
  params: Record<string, unknown> = {},
): ZodError {
  const failed = z
    .unknown()
    .superRefine((_, ctx) =>
      ctx.addIssue({ code: 'custom', path: field.split('.'), message, params: { ...params, reason } }),
    )
    .safeParse(undefined);
  return failed.error!;
}
