// The sign-in link's e-mail (issue 17, item 7), sent straight through the
// central store's SMTP settings with nodemailer: plain text in the reporter's
// language, the link on a line of its own, what it is for and how long it
// works, and that it can be ignored. Without SMTP there is no mailer and the
// pages say so honestly. Deliberately not here: deciding whether to send
// (http.ts: only to addresses with tickets, always answering the same) and
// the ticket acknowledgement (R6), which the tickets' message sender sends.
import nodemailer from 'nodemailer';
import { OWN_MESSAGE_HEADER } from '../../../src-shared/intake/mailNoise';
import type { SmtpSettings } from '../mail/config';
import { LINK_TTL_MS } from './links';
import type { Lang } from './words';

export interface LinkMailer {
  send(to: string, link: string, lang: Lang): Promise<void>;
  close(): void;
}

const TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

export function linkText(link: string, lang: Lang): { subject: string; text: string } {
  const minutes = Math.round(LINK_TTL_MS / 60_000);
  return lang === 'en'
    ? {
        subject: 'Your sign-in link – ROR-IKT Service Desk',
        text: [
          'Hello,',
          '',
          'Open this link to see your issues with the ROR-IKT service desk and answer us:',
          '',
          link,
          '',
          `The link works once and for ${minutes} minutes. You need no password.`,
          'If you did not ask for it, you can ignore this e-mail.',
          '',
          'ROR-IKT Service Desk',
        ].join('\n'),
      }
    : {
        subject: 'Innloggingslenke – ROR-IKT Kundeservice',
        text: [
          'Hei,',
          '',
          'Åpne denne lenken for å se sakene dine hos ROR-IKT Kundeservice og svare oss:',
          '',
          link,
          '',
          `Lenken virker én gang og i ${minutes} minutter. Du trenger ikke passord.`,
          'Har du ikke bedt om den, kan du se bort fra denne e-posten.',
          '',
          'ROR-IKT Kundeservice',
        ].join('\n'),
      };
}

export function createLinkMailer(smtp: SmtpSettings): LinkMailer {
  const transport = nodemailer.createTransport({ url: smtp.url, ...TIMEOUTS }, { from: smtp.from });
  return {
    async send(to, link, lang) {
      const { subject, text } = linkText(link, lang);
      // Marked as our own, so the inbound mailbox never turns an auto-reply to it into a ticket.
      await transport.sendMail({
        to,
        subject,
        text,
        headers: { [OWN_MESSAGE_HEADER]: 'sign-in-link', 'Auto-Submitted': 'auto-generated' },
      });
    },
    close: () => transport.close(),
  };
}
