// The e-mail and web channels (issue 17) as the shell sees them: the inbound mailbox's record for
// administrators and team leads. (What a ticket shows of them is the tickets feature's.)
export { InboundMailPage } from './InboundMailPage';
