// Which of a store's constraints refused a write, on either engine (the desk's SQLite, the central
// store's SQLite or PostgreSQL). A refused id or reference that came from a change's input is the
// input's fault: the callers turn it into a rule's answer for that change alone (issue 13).
import { QueryFailedError } from 'typeorm';
import { DomainError } from '../../src-shared/errors';

export type ConstraintKind = 'unique' | 'foreignKey';

export function constraintViolation(e: unknown): ConstraintKind | null {
  if (!(e instanceof QueryFailedError)) return null;
  const code = String((e.driverError as { code?: unknown } | undefined)?.code ?? '');
  switch (code) {
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case '23505': // PostgreSQL unique_violation
      return 'unique';
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
    case '23503': // PostgreSQL foreign_key_violation
      return 'foreignKey';
    default:
      return null;
  }
}

/** The rule's answer for a change whose new row was refused by a constraint, or null for other errors. */
export function constraintRefusal(e: unknown): DomainError | null {
  switch (constraintViolation(e)) {
    case 'unique':
      return new DomainError('conflict', 'This change names a new row with an id that is already in use');
    case 'foreignKey':
      return new DomainError('notFound', 'This change refers to a row that does not exist');
    default:
      return null;
  }
}
