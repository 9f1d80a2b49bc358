// The administration feature as the shell sees it: the users page and the audit trail.
export { AuditPage } from './AuditPage';
export { UsersPage } from './UsersPage';
