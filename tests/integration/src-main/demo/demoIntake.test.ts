// The demo's e-mail and web tickets (issue 17): taken in through the central
// store's own intake, so the desk shows them as the real channels would; a
// second run leaves them as they are.
import { afterEach, expect, it } from 'vitest';
import { fillDemoIntake } from '../../../../src-main/demo/intake';
import { openHostedDesk } from '../../../../src-main/host/openHostedDesk';
import { InboundMail, Ticket } from '../../../../src-main/store/entities';
import { removeDir, tempDir } from '../../../support/tempDesk';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

it('takes in an unknown sender’s ticket with its file, a colleague’s answer, noise and a web ticket, once', async () => {
  const dir = tempDir('demo-intake-');
  const { desk, central } = await openHostedDesk(dir, { autoSync: false });
  cleanup.push(
    () => removeDir(dir),
    () => desk.close(),
  );
  expect(await fillDemoIntake(central!)).toEqual({ emails: 4, webTickets: 1 });
  expect(await fillDemoIntake(central!)).toBeNull();
  const m = central!.store.dataSource.manager;
  const tickets = await m.find(Ticket, { order: { createdAt: 'ASC' } });
  expect(tickets.map((t) => [t.channel, t.title])).toEqual([
    ['email', 'Skriveren i 2. etasje skriver ikke ut'],
    ['web', 'Får ikke logget inn i Gerica'],
  ]);
  const inbound = await m.find(InboundMail);
  expect(inbound.map((i) => i.outcome).sort()).toEqual(['ignored', 'reply', 'setAside', 'ticket']);
});
