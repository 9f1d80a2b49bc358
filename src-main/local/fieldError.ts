// A rule about one input field that only the live desk can check (for example
// "not in the future"), reported exactly like a schema error so the renderer
// shows it next to that field.
import { ZodError } from 'zod';

export function fieldError(field: string, message: string, reason: string): ZodError {
  return new ZodError([
    { code: 'custom', path: field.split('.'), message, input: undefined, params: { reason } },
  ]);
}
