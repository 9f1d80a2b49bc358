// The house rules in eslint.config.js fire: for each boundary, a violation is
// planted (linted as if it were a file in that folder) and must be reported,
// and a permitted import beside it must not be.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const planted = (from: string) => `import { x } from '${from}';\nexport const y = x;\n`;

describe('boundaries inside src-main', () => {
  it.each([
    ['src-main/calls/planted.ts', '../central/server', 'Domain code never imports'],
    ['src-main/tickets/planted.ts', '../desk/openDesk', 'Domain code never imports'],
    ['src-main/reporters/planted.ts', '../sync/syncClient', 'Domain code never imports'],
    ['src-main/sla/planted.ts', '../host/browserHost', 'Domain code never imports'],
    ['src-main/calls/planted.ts', '../electron/ipcHandler', 'Domain code never imports'],
    ['src-main/tickets/messages/planted.ts', '../../central/mail/sender', 'Domain code never imports'],
    ['src-main/central/planted.ts', '../desk/openDesk', 'The central store never imports the desk'],
    ['src-main/central/sync/planted.ts', '../../sync/rebase', 'The central store never imports the desk'],
    ['src-main/desk/planted.ts', '../central/server', 'The desk never imports the central store'],
    ['src-main/sync/planted.ts', '../desk/session', 'The sync engine sits below the desk'],
    ['src-main/store/planted.ts', '../calls', 'Plumbing'],
    ['src-main/local/planted.ts', '../domains', 'Plumbing'],
  ])('%s importing %s is refused', async (file, from, message) => {
    const found = await problems(file, planted(from));
    expect(found.some((p) => p.startsWith('import-x/no-restricted-paths') && p.includes(message))).toBe(true);
  });

  it('a type-only import is refused too', async () => {
    const found = await problems(
      'src-main/calls/planted.ts',
      `import type { Desk } from '../desk/openDesk';\nexport type D = Desk;\n`,
    );
    expect(found.join('\n')).toContain('Domain code never imports');
  });

  it.each([
    ['src-main/calls/planted.ts', '../store/entities'],
    ['src-main/calls/planted.ts', '../mutations/define'],
    ['src-main/central/planted.ts', '../calls'],
    ['src-main/desk/planted.ts', '../sync/syncClient'],
    ['src-main/host/planted.ts', '../central/server'],
  ])('%s may import %s', async (file, from) => {
    const found = await problems(file, planted(from));
    expect(found.filter((p) => p.startsWith('import-x/no-restricted-paths'))).toEqual([]);
  });
});

describe('the renderer', () => {
  it("reaches another feature only through that feature's index.ts", async () => {
    const inside = await problems(
      'src-renderer/features/calls/planted.tsx',
      planted('../tickets/TicketPage'),
    );
    expect(inside.join('\n')).toContain('Import from features/tickets only through its index.ts');
    const throughIndex = await problems('src-renderer/features/calls/planted.tsx', planted('../tickets'));
    expect(throughIndex.filter((p) => p.startsWith('import-x/no-restricted-paths'))).toEqual([]);
  });

  it('imports nothing from src-main but the local router type', async () => {
    const found = await problems('src-renderer/app/planted.ts', planted('../../src-main/desk/openDesk'));
    expect(found.join('\n')).toContain('The renderer may import only the local router type');
  });
});

describe('src-shared', () => {
  it('imports no Node module', async () => {
    const found = await problems('src-shared/planted.ts', planted('node:fs'));
    expect(found.join('\n')).toContain('src-shared is pure');
  });
});
