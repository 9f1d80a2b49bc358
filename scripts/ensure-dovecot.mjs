#!/usr/bin/env node
// Makes sure the tests have an IMAP server for the e-mail channel (issue 17)
// before they run: a shared one named by TEST_IMAP_HOST/TEST_IMAP_PORT (CI's),
// else Dovecot's binary, which tests/support/imapServer.ts starts privately.
// Where neither exists, installs Debian's dovecot-imapd when root with apt-get
// (the package's own service is kept from starting: the tests run their own);
// otherwise says which tests will be skipped and why. Never fails the run.
import { existsSync, writeFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const DOVECOT = process.env.DOVECOT ?? '/usr/sbin/dovecot';
const hasCommand = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const run = (cmd, args, env) => spawnSync(cmd, args, { stdio: 'inherit', env }).status === 0;

if (process.env.TEST_IMAP_HOST && process.env.TEST_IMAP_PORT) {
  console.log(
    `IMAP server for the e-mail tests: ${process.env.TEST_IMAP_HOST}:${process.env.TEST_IMAP_PORT}`,
  );
  process.exit(0); // a shared server is named: nothing to find or install
}
if (!existsSync(DOVECOT)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && hasCommand('apt-get')) {
    console.log("No Dovecot found: installing Debian's dovecot-imapd (apt-get)...");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const policy = '/usr/sbin/policy-rc.d';
    const madePolicy = !existsSync(policy);
    if (madePolicy) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
    try {
      if (
        !run('apt-get', ['update'], env) ||
        !run('apt-get', ['install', '-y', '--no-install-recommends', 'dovecot-imapd'], env)
      )
        console.error('apt-get could not install dovecot-imapd.');
    } finally {
      if (madePolicy) rmSync(policy, { force: true });
    }
  }
}
if (existsSync(DOVECOT)) console.log(`IMAP server for the e-mail tests: ${DOVECOT} (started by the tests)`);
else
  console.log(
    'No IMAP server: the tests that read a real mailbox are skipped, each saying why. ' +
      'Install Dovecot (apt-get install dovecot-imapd) or set TEST_IMAP_HOST/TEST_IMAP_PORT to run them.',
  );
