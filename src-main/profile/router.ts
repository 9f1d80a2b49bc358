// The local profile (name and role) chosen at first start; replaced by login
// when the central store arrives.
import { profileInput } from '../../src-shared/profile';
import { publicProcedure, router } from '../local/trpc';

export const profileRouter = router({
  get: publicProcedure.query(({ ctx }) => ctx.desk.profile()),
  set: publicProcedure.input(profileInput).mutation(({ ctx, input }) => ctx.desk.setProfile(input)),
});
