// The typed tRPC hooks for React Query, bound to the desk's local router.
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { LocalRouter } from '../../src-main/desk/router';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<LocalRouter>();
