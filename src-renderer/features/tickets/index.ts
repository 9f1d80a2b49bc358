// The tickets feature as the shell and other features see it: the ticket lists, a ticket's page,
// the new-ticket pages, and the priority badge.
export { PriorityBadge } from './badges';
export { NewTicketFromCallPage, NewTicketPage } from './NewTicketPage';
export { TicketList } from './TicketList';
export { TicketPage } from './TicketPage';
