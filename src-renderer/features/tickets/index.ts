// The tickets feature as the shell and other features see it: the ticket lists, a ticket's page,
// the new-ticket pages, the priority badge, and the open list opened with filters set.
export { PriorityBadge } from './badges';
export { NewTicketFromCallPage, NewTicketPage } from './NewTicketPage';
export { filterOpenTickets, TicketList } from './TicketList';
export { TicketPage } from './TicketPage';
