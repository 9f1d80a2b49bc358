// The web intake's words (issue 17, items 6–8), in Norwegian bokmål and
// English, and how a page picks its language: `?lang=en` / `?lang=nb` (kept
// in a cookie), else the browser's Accept-Language, else bokmål. Statuses and
// priorities in plain words (R4's definitions as a reporter reads them), and
// instants in Oslo time. Deliberately not here: the HTML (pages.ts) and any
// text of a ticket itself (escaped where it is shown).
import { SERVICE_TIME_ZONE } from '../../../src-shared/serviceTimeZone';
import type { Priority } from '../../../src-shared/sla/settings';
import type { TicketStatus } from '../../../src-shared/tickets/schemas';

export const LANGS = ['nb', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** The language of a request: the explicit choice, then the cookie, then Accept-Language, then bokmål. */
export function chooseLang(
  query: string | null,
  cookie: string | undefined,
  acceptLanguage: string | undefined,
): Lang {
  if (query === 'en' || query === 'nb') return query;
  if (cookie === 'en' || cookie === 'nb') return cookie;
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag, q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((w) => w.tag && w.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const w of wanted) {
    if (/^(nb|no|nn)(-|$)/.test(w.tag)) return 'nb';
    if (/^en(-|$)/.test(w.tag)) return 'en';
  }
  return 'nb';
}

const FORMATS: Record<Lang, Intl.DateTimeFormat> = {
  nb: new Intl.DateTimeFormat('nb-NO', {
    timeZone: SERVICE_TIME_ZONE,
    dateStyle: 'full',
    timeStyle: 'short',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: SERVICE_TIME_ZONE,
    dateStyle: 'full',
    timeStyle: 'short',
  }),
};
const SHORT: Record<Lang, Intl.DateTimeFormat> = {
  nb: new Intl.DateTimeFormat('nb-NO', {
    timeZone: SERVICE_TIME_ZONE,
    dateStyle: 'short',
    timeStyle: 'short',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: SERVICE_TIME_ZONE,
    dateStyle: 'short',
    timeStyle: 'short',
  }),
};

/** "mandag 7. desember 2026 kl. 08:00" / "Monday 7 December 2026 at 08:00", in Oslo time. */
export const longTime = (lang: Lang, instant: string | number): string =>
  FORMATS[lang].format(new Date(instant));
export const shortTime = (lang: Lang, instant: string | number): string =>
  SHORT[lang].format(new Date(instant));

export const megabytes = (lang: Lang, bytes: number): string => {
  const n = (bytes / 1024 / 1024).toFixed(1);
  return `${lang === 'nb' ? n.replace('.', ',') : n} MB`;
};

/** A file's size as people read it: bytes, kB or MB. */
export const fileSize = (lang: Lang, bytes: number): string =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${Math.ceil(bytes / 1024)} kB`
      : megabytes(lang, bytes);

const nb = {
  org: 'ROR-IKT Kundeservice',
  siteName: 'Kundeservice',
  skip: 'Hopp til innholdet',
  otherLang: 'English',
  otherLangCode: 'en',
  notices: {
    heading: 'Driftsmeldinger nå',
    intro: 'Se her før du melder en feil: står feilen her, vet vi om den og jobber med den.',
    none: 'Ingen kjente driftsforstyrrelser eller planlagt vedlikehold nå.',
    all: 'Alle driftsmeldinger',
    ongoing: 'Pågår',
    planned: 'Planlagt',
    systems: 'Berørte systemer',
    allSystems: 'Alle systemer hos kundene nevnt',
    from: 'Fra',
    until: 'Forventet slutt',
    unknownEnd: 'ikke kjent ennå',
  },
  form: {
    heading: 'Meld inn en sak',
    intro:
      'Felt merket (må fylles ut) er påkrevd. Du får et referansenummer med en gang og en kvittering på e-post.',
    required: '(må fylles ut)',
    optional: '(valgfritt)',
    reporterName: 'Navnet ditt',
    reporterPhone: 'Telefonnummer',
    reporterPhoneHint: 'Et nummer vi kan nå deg på, for eksempel 912 34 567.',
    reporterEmail: 'E-postadresse',
    reporterEmailHint: 'Kvitteringen og svarene våre kommer hit.',
    customerId: 'Kommune',
    chooseCustomer: 'Velg kommune',
    workplace: 'Arbeidssted',
    workplaceHint: 'For eksempel Molde rådhus eller Kirkebakken omsorgssenter.',
    system: 'System eller utstyr det gjelder',
    title: 'Kort tittel',
    description: 'Beskriv behovet eller feilen',
    descriptionHint: 'Hva skjer, hva prøvde du å gjøre, og siden når? Skriv gjerne feilmeldingen du fikk.',
    priority: 'Hvor alvorlig er det?',
    priorityHint: 'Velg det som passer best. Servicedesken kan justere prioriteten.',
    attachments: 'Vedlegg',
    attachmentsHint: (limit: string, files: number) =>
      `Skjermbilder eller filer, til sammen høyst ${limit} og ${files} filer.`,
    keptFiles: 'Vedlegg du allerede har valgt',
    keptFilesHint:
      'De blir sendt med. Fjern haken ved en fil du ikke vil sende. Du kan legge til flere filer under.',
    submit: 'Send inn saken',
  },
  priorities: {
    critical: {
      name: 'Kritisk',
      text: 'Systemer som trengs for liv og helse (for eksempel legevakt, pasientjournal eller trygghetsalarmer) virker ikke, eller andre systemer som må være oppe.',
    },
    high: {
      name: 'Høy',
      text: 'Et helt system er nede for en hel enhet eller faggruppe, eller en e-tjeneste innbyggerne bruker virker ikke.',
    },
    medium: { name: 'Middels', text: 'Et system virker ikke for deg eller noen få brukere.' },
    low: {
      name: 'Lav',
      text: 'Feil som ikke hindrer det vanlige arbeidet, hjemmekontor og ønsker som kan avtales.',
    },
  } satisfies Record<Priority, { name: string; text: string }>,
  statuses: {
    new: 'Mottatt, ikke påbegynt',
    in_progress: 'Under arbeid',
    agreed_plan: 'Avtalt videre fremdrift',
    temporary_solution: 'Midlertidig løsning på plass',
    resolved: 'Løst',
    closed: 'Avsluttet',
  } satisfies Record<TicketStatus, string>,
  errors: {
    summary: 'Skjemaet har feil',
    summaryIntro: 'Rett opp dette før du sender:',
    reporterName: 'Skriv navnet ditt.',
    reporterPhone: 'Skriv et gyldig telefonnummer, for eksempel 912 34 567.',
    reporterEmail: 'Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.',
    customerId: 'Velg kommunen du jobber i.',
    workplace: 'Skriv arbeidsstedet ditt.',
    system: 'Systemet kan være høyst 120 tegn.',
    title: 'Tittelen kan være høyst 160 tegn.',
    description: 'Beskriv behovet eller feilen med minst 10 tegn.',
    descriptionLong: 'Beskrivelsen kan være høyst 8000 tegn.',
    priority: 'Velg hvor alvorlig det er.',
    text: 'Skriv et svar.',
    textLong: 'Svaret er for langt.',
    email: 'Skriv en gyldig e-postadresse.',
    badText: 'Teksten har tegn vi ikke kan ta imot. Fjern spesialtegn og prøv igjen.',
    attachmentsTooBig: (size: string, limit: string) =>
      `Vedleggene er for store: til sammen ${size}, grensen er ${limit} per melding. Ingenting ble sendt; velg færre eller mindre filer.`,
    attachmentsTooMany: (max: number) => `Du kan legge ved høyst ${max} filer per melding.`,
    attachmentsAgain: 'Vi kunne ikke ta vare på vedleggene. Velg dem på nytt hvis du vil sende dem med.',
    attachmentsLost:
      'Vedleggene du valgte tidligere er ikke lenger tatt vare på (de tas vare på i 60 minutter). Velg dem på nytt hvis du vil sende dem med.',
    unknownCustomer: 'Vi kjenner ikke kommunen du valgte. Velg en kommune fra listen.',
  },
  receipt: {
    title: 'Saken er registrert',
    reference: 'Referansenummer',
    keep: 'Ta vare på referansenummeret. Vi har sendt en kvittering til',
    closedNow: (when: string) =>
      `Servicedesken er stengt nå (åpent mandag–fredag 08:00–15:30). Saken blir behandlet fra ${when}.`,
    openNow: 'Saken ligger nå hos servicedesken.',
    follow: 'Følg saken',
    followText: 'Du kan følge saken og svare oss på nettsidene våre:',
    another: 'Meld inn en ny sak',
    expired: 'Kvitteringen er ikke lenger tilgjengelig',
    expiredText:
      'Referansenummeret står i e-posten vi sendte deg. Du kan følge sakene dine via «Følg saken».',
  },
  follow: {
    title: 'Følg saken',
    intro:
      'Skriv e-postadressen du meldte saken fra. Vi sender deg en lenke for å logge inn. Lenken virker én gang og i 30 minutter. Du trenger ikke passord.',
    submit: 'Send meg en innloggingslenke',
    sentTitle: 'Sjekk e-posten din',
    sent: 'Hvis adressen har saker hos oss, har vi sendt en lenke til den. Lenken virker én gang og i 30 minutter.',
    noMail:
      'Vi kan dessverre ikke sende e-post fra denne tjenesten akkurat nå, så innloggingslenker kan ikke sendes. Ring servicedesken på 71 11 11 66 (hverdager 08:00–15:30) eller svar på e-posten du fikk da du meldte saken.',
    spam: 'Finner du den ikke, se i søppelpost-mappen.',
  },
  signIn: {
    title: 'Logg inn for å følge sakene dine',
    intro: 'Trykk på knappen for å logge inn. Lenken kan bare brukes én gang.',
    button: 'Logg inn',
    invalidTitle: 'Lenken virker ikke',
    invalid: 'Lenken er brukt, utløpt eller ufullstendig. Be om en ny lenke.',
    newLink: 'Be om en ny lenke',
  },
  tickets: {
    title: 'Sakene dine',
    signedInAs: 'Logget inn som',
    none: 'Du har ingen saker registrert med denne e-postadressen.',
    reference: 'Referanse',
    subject: 'Sak',
    status: 'Status',
    filed: 'Meldt',
    updated: 'Sist endret',
    logout: 'Logg ut',
    back: 'Tilbake til sakene dine',
    history: 'Historikk',
    description: 'Beskrivelse',
    files: 'Vedlegg',
    lineFiled: (channel: string) => `Saken ble meldt inn (${channel}).`,
    lineStatus: (status: string) => `Status: ${status}.`,
    fromDesk: 'Svar fra servicedesken',
    fromYou: 'Du skrev',
    answer: 'Svar servicedesken',
    answerText: 'Svaret ditt',
    answerFiles: 'Legg ved filer',
    send: 'Send svaret',
    sent: 'Svaret ditt er sendt til servicedesken.',
    closed: 'Saken er avsluttet. Meld inn en ny sak hvis du trenger mer hjelp.',
    download: 'Last ned',
    channels: { web: 'nettskjema', email: 'e-post', phone: 'telefon' } as Record<string, string>,
  },
  problems: {
    notFoundTitle: 'Fant ikke siden',
    notFound: 'Siden finnes ikke, eller du har ikke tilgang til den.',
    csrfTitle: 'Skjemaet er utløpt',
    csrf: 'Av sikkerhetshensyn kunne vi ikke ta imot skjemaet. Gå tilbake, last siden på nytt og send igjen.',
    limitTitle: 'For mange forsøk',
    limit: (minutes: number) =>
      `Det er sendt for mange skjemaer herfra på kort tid. Vent ${minutes} minutter og prøv igjen, eller ring servicedesken på 71 11 11 66.`,
    tooLargeTitle: 'For stor forsendelse',
    tooLarge: (limit: string) =>
      `Forsendelsen var for stor. Grensen er ${limit} i vedlegg per melding. Ingenting ble lagret.`,
    errorTitle: 'Noe gikk galt',
    error: 'Vi kunne ikke lagre dette akkurat nå. Ingenting ble lagret. Prøv igjen om litt.',
    signedOutTitle: 'Logg inn for å se sakene dine',
    signedOut: 'Økten din er utløpt eller du er ikke logget inn.',
    home: 'Til forsiden',
    closedTicket: 'Saken er avsluttet og kan ikke få flere svar. Meld inn en ny sak.',
  },
  signedOut: 'Du er logget ut.',
};

export type Words = typeof nb;

const en: Words = {
  org: 'ROR-IKT Service Desk',
  siteName: 'Service desk',
  skip: 'Skip to content',
  otherLang: 'Norsk (bokmål)',
  otherLangCode: 'nb',
  notices: {
    heading: 'Current operational notices',
    intro: 'Check here before you report a fault: if it is listed, we know about it and are working on it.',
    none: 'No known disruptions or planned maintenance right now.',
    all: 'All operational notices',
    ongoing: 'Ongoing',
    planned: 'Planned',
    systems: 'Systems affected',
    allSystems: 'All systems at the customers named',
    from: 'From',
    until: 'Expected end',
    unknownEnd: 'not known yet',
  },
  form: {
    heading: 'Report an issue',
    intro:
      'Fields marked (required) must be filled in. You get a reference number at once and a receipt by e-mail.',
    required: '(required)',
    optional: '(optional)',
    reporterName: 'Your name',
    reporterPhone: 'Phone number',
    reporterPhoneHint: 'A number we can reach you on, for example 912 34 567.',
    reporterEmail: 'E-mail address',
    reporterEmailHint: 'The receipt and our answers are sent here.',
    customerId: 'Municipality',
    chooseCustomer: 'Choose municipality',
    workplace: 'Workplace',
    workplaceHint: 'For example Molde rådhus or Kirkebakken omsorgssenter.',
    system: 'System or equipment concerned',
    title: 'Short title',
    description: 'Describe the need or fault',
    descriptionHint: 'What happens, what were you trying to do, and since when? Include any error message.',
    priority: 'How serious is it?',
    priorityHint: 'Choose what fits best. The service desk may adjust the priority.',
    attachments: 'Attachments',
    attachmentsHint: (limit: string, files: number) =>
      `Screenshots or files, at most ${limit} and ${files} files in all.`,
    keptFiles: 'Attachments you have already chosen',
    keptFilesHint: 'They will be sent. Untick a file you do not want to send. You can add more files below.',
    submit: 'Submit the issue',
  },
  priorities: {
    critical: {
      name: 'Critical',
      text: 'Systems needed for life and health (for example the emergency clinic, patient records or safety alarms) are down, or other systems that must stay up.',
    },
    high: {
      name: 'High',
      text: 'A whole system is down for a whole unit or professional group, or an e-service citizens use is not working.',
    },
    medium: { name: 'Medium', text: 'A system is not working for you or a few users.' },
    low: {
      name: 'Low',
      text: 'Faults that do not stop ordinary work, home-office issues and requests that can be agreed.',
    },
  },
  statuses: {
    new: 'Received, not started',
    in_progress: 'In progress',
    agreed_plan: 'Further plan agreed',
    temporary_solution: 'Temporary solution in place',
    resolved: 'Resolved',
    closed: 'Closed',
  },
  errors: {
    summary: 'There is a problem',
    summaryIntro: 'Please correct the following before you submit:',
    reporterName: 'Enter your name.',
    reporterPhone: 'Enter a valid phone number, for example 912 34 567.',
    reporterEmail: 'Enter a valid e-mail address, for example name@kommune.no.',
    customerId: 'Choose the municipality you work for.',
    workplace: 'Enter your workplace.',
    system: 'The system can be at most 120 characters.',
    title: 'The title can be at most 160 characters.',
    description: 'Describe the need or fault in at least 10 characters.',
    descriptionLong: 'The description can be at most 8000 characters.',
    priority: 'Choose how serious it is.',
    text: 'Write an answer.',
    textLong: 'The answer is too long.',
    email: 'Enter a valid e-mail address.',
    badText: 'The text holds characters we cannot accept. Remove special characters and try again.',
    attachmentsTooBig: (size: string, limit: string) =>
      `The attachments are too large: ${size} in all, the limit is ${limit} per message. Nothing was sent; choose fewer or smaller files.`,
    attachmentsTooMany: (max: number) => `You can attach at most ${max} files per message.`,
    attachmentsAgain: 'We could not keep the attachments. Choose them again if you want to send them.',
    attachmentsLost:
      'The attachments you chose earlier are no longer kept (they are kept for 60 minutes). Choose them again if you want to send them.',
    unknownCustomer: 'We do not know the municipality you chose. Choose one from the list.',
  },
  receipt: {
    title: 'Your issue is registered',
    reference: 'Reference number',
    keep: 'Keep the reference number. We have sent a receipt to',
    closedNow: (when: string) =>
      `The service desk is closed now (open Monday–Friday 08:00–15:30). Your issue will be handled from ${when}.`,
    openNow: 'Your issue is now with the service desk.',
    follow: 'Follow your issue',
    followText: 'You can follow the issue and answer us on our web pages:',
    another: 'Report another issue',
    expired: 'The receipt is no longer available',
    expiredText:
      'The reference number is in the e-mail we sent you. You can follow your issues through “Follow your issue”.',
  },
  follow: {
    title: 'Follow your issue',
    intro:
      'Enter the e-mail address you reported the issue from. We will send you a link to sign in. The link works once and for 30 minutes. No password is needed.',
    submit: 'Send me a sign-in link',
    sentTitle: 'Check your e-mail',
    sent: 'If the address has issues with us, we have sent a link to it. The link works once and for 30 minutes.',
    noMail:
      'Sorry, this service cannot send e-mail right now, so sign-in links cannot be sent. Call the service desk on +47 71 11 11 66 (weekdays 08:00–15:30) or reply to the e-mail you got when you reported the issue.',
    spam: 'If you cannot find it, look in your junk mail folder.',
  },
  signIn: {
    title: 'Sign in to follow your issues',
    intro: 'Press the button to sign in. The link can be used only once.',
    button: 'Sign in',
    invalidTitle: 'The link does not work',
    invalid: 'The link has been used, has expired or is incomplete. Ask for a new link.',
    newLink: 'Ask for a new link',
  },
  tickets: {
    title: 'Your issues',
    signedInAs: 'Signed in as',
    none: 'You have no issues registered with this e-mail address.',
    reference: 'Reference',
    subject: 'Issue',
    status: 'Status',
    filed: 'Reported',
    updated: 'Last changed',
    logout: 'Sign out',
    back: 'Back to your issues',
    history: 'History',
    description: 'Description',
    files: 'Attachments',
    lineFiled: (channel: string) => `The issue was reported (${channel}).`,
    lineStatus: (status: string) => `Status: ${status}.`,
    fromDesk: 'Answer from the service desk',
    fromYou: 'You wrote',
    answer: 'Answer the service desk',
    answerText: 'Your answer',
    answerFiles: 'Attach files',
    send: 'Send the answer',
    sent: 'Your answer has been sent to the service desk.',
    closed: 'The issue is closed. Report a new issue if you need more help.',
    download: 'Download',
    channels: { web: 'web form', email: 'e-mail', phone: 'phone' },
  },
  problems: {
    notFoundTitle: 'Page not found',
    notFound: 'The page does not exist, or you do not have access to it.',
    csrfTitle: 'The form has expired',
    csrf: 'For security reasons we could not accept the form. Go back, reload the page and submit again.',
    limitTitle: 'Too many attempts',
    limit: (minutes: number) =>
      `Too many forms have been sent from here in a short time. Wait ${minutes} minutes and try again, or call the service desk on +47 71 11 11 66.`,
    tooLargeTitle: 'Upload too large',
    tooLarge: (limit: string) =>
      `The upload was too large. The limit is ${limit} of attachments per message. Nothing was saved.`,
    errorTitle: 'Something went wrong',
    error: 'We could not save this right now. Nothing was saved. Please try again shortly.',
    signedOutTitle: 'Sign in to see your issues',
    signedOut: 'Your session has expired or you are not signed in.',
    home: 'To the front page',
    closedTicket: 'The issue is closed and cannot take more answers. Report a new issue.',
  },
  signedOut: 'You are signed out.',
};

export const WORDS: Record<Lang, Words> = { nb, en };
