// A local-router procedure derived from a mutation's definition: its input is
// the mutation's arguments without the instant (and new id) the desk fills
// in, so the outbox holds fully determined arguments. For procedures that do
// only that; a procedure with checks of its own is written out.
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import type { Mutation } from '../mutations/define';
import { actorProcedure } from './trpc';

type Optional<Shape extends z.ZodRawShape, K extends keyof Shape> = {
  [P in K]: z.ZodOptional<Shape[P]>;
};

/**
 * `at` names the instant the desk stamps ("now"); `id` a new id it makes (a UUIDv7) unless the
 * caller sends one. With `clientInstant` the caller may send the instant too (a call's times can be
 * typed in after the fact); otherwise the desk's clock decides.
 */
export function stampedMutation<
  Shape extends z.ZodRawShape,
  R,
  At extends keyof Shape & string,
  Id extends keyof Shape & string = never,
  Client extends boolean = false,
>(mutation: Mutation<z.ZodObject<Shape>, R>, opts: { at: At; id?: Id; clientInstant?: Client }) {
  const optional = { [opts.at]: true, ...(opts.id ? { [opts.id]: true } : {}) };
  // zod cannot omit from an object with refinements (a rule across fields); the input then checks
  // the fields, and the runner checks the whole arguments, rules included, before anything is written.
  const args = mutation.args.def.checks?.length ? z.object(mutation.args.shape) : mutation.args;
  const input = (opts.clientInstant
    ? args.partial(optional as never)
    : args
        .omit({ [opts.at]: true } as never)
        .partial(opts.id ? ({ [opts.id]: true } as never) : {})) as unknown as z.ZodObject<
    Omit<Shape, At | Id> & Optional<Shape, Id | (Client extends true ? At : never)>
  >;
  return actorProcedure.input(input).mutation(({ ctx, input: given }) => {
    const values = given as Record<string, unknown>;
    const args = {
      ...values,
      [opts.at]: (opts.clientInstant ? values[opts.at] : undefined) ?? new Date().toISOString(),
      ...(opts.id ? { [opts.id]: values[opts.id] ?? uuidv7() } : {}),
    };
    return ctx.desk.mutations.run(mutation, args as z.input<z.ZodObject<Shape>>, ctx.actor);
  });
}
