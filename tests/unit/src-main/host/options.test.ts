// The desk's start-up options keep secrets off the command line (issue 13,
// item 13): the phone system's secret is read from a file or the environment.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeskOptions } from '../../../../src-main/host/options';
import { removeDir, tempDir } from '../../../support/tempDesk';

describe('the CTI secret', () => {
  it('is read from --cti-token-file or ROR_CTI_TOKEN_FILE, trimmed, and checked', () => {
    const dir = tempDir('secret-');
    const file = join(dir, 'cti-token');
    writeFileSync(file, 'a-long-random-secret-2026\n', { mode: 0o600 });
    expect(parseDeskOptions(['--cti-token-file', file], {}).ctiToken).toBe('a-long-random-secret-2026');
    expect(parseDeskOptions([], { ROR_CTI_TOKEN_FILE: file }).ctiToken).toBe('a-long-random-secret-2026');
    expect(parseDeskOptions([], { ROR_CTI_TOKEN: 'from-the-environment-1' }).ctiToken).toBe(
      'from-the-environment-1',
    );
    writeFileSync(file, 'short\n');
    expect(() => parseDeskOptions(['--cti-token-file', file], {})).toThrow(/at least 16 characters/);
    expect(() => parseDeskOptions(['--cti-token-file', join(dir, 'missing')], {})).toThrow(
      /cannot read .*missing \(ENOENT\)/,
    );
    removeDir(dir);
  });
});
