// The sync feature as the shell sees it: the sync state in the top bar, the first sync's
// progress, and the changes that need attention.
export { BootstrapProgress } from './BootstrapProgress';
export { NeedsAttentionPage } from './NeedsAttentionPage';
export { SyncPill } from './SyncPill';
