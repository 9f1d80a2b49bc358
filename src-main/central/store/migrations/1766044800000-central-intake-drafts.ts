// The web intake's drafts (issue 17): the files of a form that failed
// validation, kept for an hour so the reporter need not choose them again.
// Central store only: the drafts, and their bytes in a table of their own that
// goes with them (intake/drafts.ts). The tables are defined here, frozen with
// the migration that creates them.
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const INTAKE_DRAFT = new Table({
  name: 'intake_draft',
  columns: [
    /** SHA-256 of the token with the form and the browser's CSRF cookie (intake/drafts.ts). */
    { name: 'token_hash', type: 'text', isPrimary: true },
    /** JSON: [{ filename, contentType, size, sha256 }] */
    { name: 'files', type: 'text', isNullable: false },
    { name: 'created_at', type: 'text', isNullable: false },
    { name: 'expires_at', type: 'text', isNullable: false },
  ],
  indices: [new TableIndex({ name: 'intake_draft_expires_at', columnNames: ['expires_at'] })],
});

const INTAKE_DRAFT_CONTENT = new Table({
  name: 'intake_draft_content',
  columns: [
    { name: 'token_hash', type: 'text', isPrimary: true },
    { name: 'sha256', type: 'text', isPrimary: true },
    { name: 'base64', type: 'text', isNullable: false },
  ],
});

export class CentralIntakeDrafts1766044800000 implements MigrationInterface {
  name = 'CentralIntakeDrafts1766044800000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(INTAKE_DRAFT);
    await qr.createTable(INTAKE_DRAFT_CONTENT);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable(INTAKE_DRAFT_CONTENT.name);
    await qr.dropTable(INTAKE_DRAFT.name);
  }
}
