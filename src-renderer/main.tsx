// Renderer entry: picks the transport, sets up React Query + tRPC and i18n.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient } from '@trpc/client';
import type { LocalRouter } from '../src-main/desk/router';
import './app/i18n';
import './app/styles.css';
import { TRPCProvider } from './app/trpc';
import { chooseTransport } from './app/transport/chooseLink';
import { App } from './features/shell/App';
import { MissingToken } from './features/shell/MissingToken';

const transport = chooseTransport();

function Root() {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { retry: 1, staleTime: 1000 }, mutations: { retry: false } },
      }),
  );
  const [trpcClient] = useState(() =>
    transport.kind === 'missingToken' ? null : createTRPCClient<LocalRouter>({ links: [transport.link] }),
  );
  if (!trpcClient) return <MissingToken />;
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <App />
      </TRPCProvider>
    </QueryClientProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
