// The web intake's HTTP side on the central store (issue 17, items 6–8):
// every route under /kundeservice/, open to the public with no staff login.
//
//   GET  /kundeservice/                      notices now (R14), then the form (R5, R4 in words)
//   POST /kundeservice/sak                   files the ticket → 303 to its receipt, or the form again
//                                            (with its files kept as a draft for an hour: drafts.ts)
//   GET  /kundeservice/kvittering/<id>/<t>   the reference (R6) and when it will be handled (R2)
//   GET  /kundeservice/folg                  the address form for a sign-in link (R7)
//   POST /kundeservice/folg                  the same answer for every address
//   GET  /kundeservice/logg-inn?t=…          a button (a mail scanner's GET never uses the link up)
//   POST /kundeservice/logg-inn              uses the link up, opens a session → 303 to the list
//   GET  /kundeservice/saker                 the reporter's own tickets with status in words
//   GET  /kundeservice/saker/<id>            the public view and the answer form
//   POST /kundeservice/saker/<id>            the answer (with files) → 303 back
//   GET  /kundeservice/saker/<id>/vedlegg/<a> one of the ticket's files, as a download
//   POST /kundeservice/logg-ut               ends the session
//   GET  /kundeservice/stil.css              the stylesheet
//
// Security (item 8): every POST checks the CSRF double-submit token and the
// Origin/Referer; tickets, links and answers are counted per client address
// and per e-mail in the database; the link request answers the same for
// known and unknown addresses with the same database work (the e-mail goes
// out after the answer); tokens are 32 random bytes, stored hashed; sessions
// end after 8 hours; another reporter's ticket is the same 404 as none; a
// strict CSP and no-store on every page. Links in e-mail use `publicUrl`, else
// the server's own address, never a Host header someone else chose (unless
// the server listens on every interface, where only the Host names it).
// Deliberately not here: the ticket rules (the intake domain's mutations),
// reading bodies and forms (forms.ts), the words (words.ts), the HTML (pages.ts).
import { createHash } from 'node:crypto';
import { clientAddressOf } from './clientAddress';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import {
  DEFAULT_MAX_MESSAGE_BYTES,
  webTicketForm,
  type AttachmentRef,
} from '../../../src-shared/intake/schemas';
import { textProblem } from '../../../src-shared/text';
import { reporterReply, reporterTickets, reporterTicketView, webTicket } from '../../intake';
import { slaInForce } from '../../sla';
import { TicketAttachment } from '../../store/entities';
import { placeholder, runSql } from '../../store/rowSql';
import { readContent, storeContent } from '../attachments/content';
import type { SmtpSettings } from '../mail/config';
import { noticeSource, type NoticeSource } from '../notices/read';
import type { CentralStore } from '../store/openCentralStore';
import { withStore } from '../store/serialize';
import type { ServerMutations } from '../sync/serverMutations';
import { CSRF_COOKIE, CSRF_FIELD, csrfToken, fromOurSite, sameToken } from './csrf';
import {
  createDraft,
  deleteDraft,
  DRAFT_FIELD,
  draftFilesOf,
  draftUploads,
  isKeepField,
  keepField,
  type Draft,
  type DraftFile,
  type DraftForm,
  type Upload,
} from './drafts';
import {
  countAttempt,
  DEFAULT_INTAKE_LIMITS,
  draftKeys,
  limitKeys,
  type IntakeLimits,
  type LimitedAction,
} from './limits';
import {
  consumeSignInLink,
  createReceipt,
  createSession,
  createSignInLink,
  receiptEmail,
  revokeSession,
  sessionEmail,
  signInLinkUsable,
  SESSION_TTL_MS,
  TOKEN_PATTERN,
} from './links';
import { createLinkMailer, type LinkMailer } from './mailer';
import {
  BASE,
  followPage,
  followSentPage,
  homePage,
  messagePage,
  receiptPage,
  signInPage,
  STYLE_PATH,
  ticketPage,
  ticketsPage,
  type FieldErrors,
  type FormValues,
  type PageFrame,
} from './pages';
import {
  BodyTooLarge,
  cookiesOf,
  filesProblem,
  parseForm,
  readBody,
  safeContentType,
  safeFilename,
  type ParsedForm,
} from './forms';
import { INTAKE_CSS } from './style';
import { intakeWrites } from './writes';
import { chooseLang, megabytes, WORDS, type Words } from './words';

/** The web intake's settings (CentralOptions.intake). */
/** Bodies over this size are read a few at a time (LARGE_BODIES_AT_ONCE), so uploads cannot exhaust memory. */
const LARGE_BODY_BYTES = 1024 * 1024;
const LARGE_BODIES_AT_ONCE = 4;

/** A gate for large request bodies: small ones pass, large ones wait their turn. */
function bodyGate(threshold: number, atOnce: number) {
  let inside = 0;
  const waiting: Array<() => void> = [];
  const leave = () => {
    inside -= 1;
    waiting.shift()?.();
  };
  return {
    async enter(declaredBytes: number): Promise<() => void> {
      if (!(declaredBytes > threshold)) return () => undefined;
      while (inside >= atOnce) await new Promise<void>((r) => waiting.push(r));
      inside += 1;
      let left = false;
      return () => {
        if (left) return;
        left = true;
        leave();
      };
    },
  };
}

export interface IntakeOptions {
  /**
   * The intake's clock: the instant a ticket is filed at, and what links, sessions, receipts and
   * rate limits expire by. A test and demo setting (default: this machine's clock).
   */
  clock?: () => Date;
  limits?: Partial<IntakeLimits>;
  /** How much one message may bring in attachments (default DEFAULT_MAX_MESSAGE_BYTES, 20 MB). */
  maxMessageBytes?: number;
  /** Reverse proxies whose X-Forwarded-For names the reporter's address (clientAddress.ts). */
  trustedProxies?: readonly string[];
}

export interface IntakeDeps {
  store: CentralStore;
  serverMutations: ServerMutations;
  smtp?: SmtpSettings;
  publicUrl?: string;
  tls: boolean;
  /** The server's own address once it listens (the sign-in links' base without publicUrl). */
  ownUrl: () => string;
  options?: IntakeOptions;
  /** The notices' reader (default: the store's, kept between changes). */
  notices?: NoticeSource;
}

export interface IntakeHttp {
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
  close(): void;
}

export const INTAKE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export function isIntakePath(pathname: string): boolean {
  return pathname === BASE || pathname.startsWith(`${BASE}/`);
}

const SESSION_COOKIE = 'ks_okt';
const LANG_COOKIE = 'ks_lang';
/** Bodies of forms without files. */
const SMALL_BODY = 64 * 1024;
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const TICKET_PATH = new RegExp(`^${BASE}/saker/(${UUID})$`);
const FILE_PATH = new RegExp(`^${BASE}/saker/(${UUID})/vedlegg/(${UUID})$`);
const RECEIPT_PATH = new RegExp(`^${BASE}/kvittering/(${UUID})/([A-Za-z0-9_-]{43})$`);
const CSS_ETAG = `"${createHash('sha256').update(INTAKE_CSS).digest('base64url').slice(0, 27)}"`;
const emailSchema = z.email().max(200);

const WEB_FIELDS = [
  'reporterName',
  'reporterPhone',
  'reporterEmail',
  'customerId',
  'workplace',
  'system',
  'title',
  'description',
  'priority',
] as const;

/** The files a submit brings from its draft: those still checked (with their bytes), and whether a wanted draft was gone. */
interface KeptFiles {
  token: string | null;
  files: DraftFile[];
  uploads: Upload[];
  lost: boolean;
}

/** The field's message for a zod issue, in the reporter's language. */
function webFieldError(w: Words, field: string, issue: z.core.$ZodIssue): string {
  if (field === 'description' && issue.code === 'too_big') return w.errors.descriptionLong;
  const known = (w.errors as Record<string, unknown>)[field];
  return typeof known === 'string' ? known : w.errors.badText;
}

export function createIntakeHttp(deps: IntakeDeps): IntakeHttp {
  const { store, serverMutations } = deps;
  const clock = deps.options?.clock ?? (() => new Date());
  const limits: IntakeLimits = { ...DEFAULT_INTAKE_LIMITS, ...deps.options?.limits };
  const maxMessageBytes = deps.options?.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  /** The most a body may hold: twice the files' limit and the text, so an over-limit is told beside its field. */
  const hardLimit = 2 * maxMessageBytes + 1024 * 1024;
  const notices = deps.notices ?? noticeSource(store);
  const mailer: LinkMailer | null = deps.smtp ? createLinkMailer(deps.smtp) : null;
  const secure = deps.tls || !!deps.publicUrl?.startsWith('https:');
  const publicOrigin = deps.publicUrl ? new URL(deps.publicUrl).origin.toLowerCase() : null;
  const db = <T>(work: (m: CentralStore['dataSource']['manager']) => Promise<T>) =>
    withStore(store, () => work(store.dataSource.manager));
  const writes = intakeWrites(store);
  const write = <T>(work: (m: CentralStore['dataSource']['manager']) => Promise<T>) => writes.run(work);

  const cookie = (name: string, value: string, maxAgeSeconds: number, sameSite: 'Strict' | 'Lax') =>
    `${name}=${value}; Path=${BASE}; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=${sameSite}${secure ? '; Secure' : ''}`;

  const baseHeaders = (): Record<string, string> => ({
    'content-security-policy': INTAKE_CSP,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'same-origin',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    ...(secure ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  });

  /** The site's own origins, as a browser names them in Origin. */
  const ourOrigins = (req: IncomingMessage): string[] => {
    const out: string[] = [];
    if (publicOrigin) out.push(publicOrigin);
    // Either scheme: behind a TLS-terminating proxy the browser says https while we serve http.
    const host = req.headers.host?.toLowerCase();
    if (host) out.push(`https://${host}`, `http://${host}`);
    return out;
  };

  /**
   * The base of the links in e-mail: the public address, else our own. Never a request's Host: a
   * stranger could name their own site and receive a reporter's link. Listening on every interface
   * without --public-url, there is no address of our own to name: no links are sent (see below).
   */
  const linkBase = ((): string | null => {
    if (deps.publicUrl) return deps.publicUrl.replace(/\/+$/, '');
    return null;
  })();
  const ownLinkBase = (): string | null => {
    if (linkBase) return linkBase;
    const own = new URL(deps.ownUrl());
    return own.hostname === '0.0.0.0' || own.hostname === '[::]' ? null : own.origin;
  };

  /** One request's context: its language, the CSRF token (set when new), and the headers to send. */
  const contextOf = (req: IncomingMessage, url: URL) => {
    const cookies = cookiesOf(req);
    const asked = url.searchParams.get('lang');
    const lang = chooseLang(asked, cookies.get(LANG_COOKIE), req.headers['accept-language']);
    const csrf = csrfToken(cookies.get(CSRF_COOKIE));
    const setCookies: string[] = [];
    if (csrf.fresh) setCookies.push(cookie(CSRF_COOKIE, csrf.token, SESSION_TTL_MS / 1000, 'Strict'));
    if (asked === 'en' || asked === 'nb') setCookies.push(cookie(LANG_COOKIE, asked, 365 * 86_400, 'Lax'));
    const other = new URL(url);
    other.searchParams.set('lang', lang === 'nb' ? 'en' : 'nb');
    return {
      cookies,
      lang,
      w: WORDS[lang],
      csrf: csrf.token,
      setCookies,
      otherLangHref: `${other.pathname}${other.search}`,
    };
  };
  type Ctx = ReturnType<typeof contextOf>;

  const frame = (ctx: Ctx, signedIn: boolean): PageFrame => ({
    lang: ctx.lang,
    otherLangHref: ctx.otherLangHref,
    signedIn,
    csrf: ctx.csrf,
  });

  const send = (
    res: ServerResponse,
    ctx: Ctx,
    status: number,
    html: string,
    extra: Record<string, string | string[]> = {},
  ) => {
    const bytes = Buffer.from(html, 'utf8');
    const setCookie = [...ctx.setCookies, ...((extra['set-cookie'] as string[] | undefined) ?? [])];
    res.writeHead(status, {
      ...baseHeaders(),
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-length': String(bytes.length),
      ...extra,
      ...(setCookie.length ? { 'set-cookie': setCookie } : {}),
    });
    res.end(bytes);
  };

  const redirect = (res: ServerResponse, ctx: Ctx, location: string, setCookie: string[] = []) => {
    const all = [...ctx.setCookies, ...setCookie];
    res.writeHead(303, {
      ...baseHeaders(),
      location,
      'cache-control': 'no-store',
      'content-length': '0',
      ...(all.length ? { 'set-cookie': all } : {}),
    });
    res.end();
  };

  const notFound = (res: ServerResponse, ctx: Ctx, signedIn = false) =>
    send(
      res,
      ctx,
      404,
      messagePage(
        frame(ctx, signedIn),
        ctx.w.problems.notFoundTitle,
        [ctx.w.problems.notFound],
        [[`${BASE}/`, ctx.w.problems.home]],
      ),
    );

  const tooLarge = (res: ServerResponse, req: IncomingMessage, ctx: Ctx) => {
    send(
      res,
      ctx,
      413,
      messagePage(
        frame(ctx, false),
        ctx.w.problems.tooLargeTitle,
        [ctx.w.problems.tooLarge(megabytes(ctx.lang, maxMessageBytes))],
        [[`${BASE}/`, ctx.w.problems.home]],
      ),
      { connection: 'close' },
    );
    // The rest of an over-size upload is not read: the connection ends once the page is out.
    res.once('finish', () => req.destroy());
  };

  const limited = (res: ServerResponse, ctx: Ctx, signedIn = false) =>
    send(
      res,
      ctx,
      429,
      messagePage(
        frame(ctx, signedIn),
        ctx.w.problems.limitTitle,
        [ctx.w.problems.limit(limits.windowMinutes)],
        [[`${BASE}/`, ctx.w.problems.home]],
      ),
      { 'retry-after': String(limits.windowMinutes * 60) },
    );

  const failed = (res: ServerResponse, ctx: Ctx, signedIn = false) =>
    send(
      res,
      ctx,
      503,
      messagePage(
        frame(ctx, signedIn),
        ctx.w.problems.errorTitle,
        [ctx.w.problems.error],
        [[`${BASE}/`, ctx.w.problems.home]],
      ),
    );

  const bodies = bodyGate(LARGE_BODY_BYTES, LARGE_BODIES_AT_ONCE);

  /** Reads and checks a POST: the body within its limit, the CSRF token and the origin. Null: answered already. */
  const readPost = async (
    req: IncomingMessage,
    res: ServerResponse,
    ctx: Ctx,
    limit: number,
    signedIn = false,
  ) => {
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
    const referer = typeof req.headers.referer === 'string' ? req.headers.referer : undefined;
    // Refused before the body is read: a stranger's post costs no memory (item 8).
    const foreign = !ctx.cookies.get(CSRF_COOKIE) || !fromOurSite(origin, referer, ourOrigins(req));
    let form: Awaited<ReturnType<typeof parseForm>> = null;
    if (!foreign) {
      let body: Buffer;
      const release = await bodies.enter(Number(req.headers['content-length'] ?? limit));
      try {
        body = await readBody(req, limit);
        form = await parseForm(req.headers['content-type'] ?? '', body);
      } catch (e) {
        if (e instanceof BodyTooLarge) {
          tooLarge(res, req, ctx);
          return null;
        }
        throw e;
      } finally {
        release();
      }
    }
    if (foreign || !form || !sameToken(ctx.cookies.get(CSRF_COOKIE), form.fields.get(CSRF_FIELD))) {
      send(
        res,
        ctx,
        403,
        messagePage(
          frame(ctx, signedIn),
          ctx.w.problems.csrfTitle,
          [ctx.w.problems.csrf],
          [[`${BASE}/`, ctx.w.problems.home]],
        ),
      );
      return null;
    }
    return form;
  };

  const clientAddress = (req: IncomingMessage) => clientAddressOf(req, deps.options?.trustedProxies);

  const withinLimit = (action: LimitedAction, address: string | null, email: string) =>
    write((m) => countAttempt(m, limitKeys(limits, action, address, email), limits.windowMinutes, clock()));

  const formData = () =>
    db(async (m) => {
      const customers = (await runSql(m, 'SELECT id, name FROM customer', [])) as Array<{
        id: string;
        name: string;
      }>;
      const workplaces = (await runSql(m, 'SELECT DISTINCT name FROM workplace', [])) as Array<{
        name: string;
      }>;
      return {
        customers: customers.sort((a, b) => a.name.localeCompare(b.name, 'nb')),
        workplaces: workplaces.map((r) => r.name).sort((a, b) => a.localeCompare(b, 'nb')),
        maxMessageBytes,
      };
    });

  const storeFiles = async (files: ParsedForm['files']): Promise<AttachmentRef[]> => {
    const refs: AttachmentRef[] = [];
    for (const f of files) {
      const sha256 = await storeContent(store, f.bytes);
      refs.push({
        id: uuidv7(),
        filename: safeFilename(f.filename),
        contentType: safeContentType(f.contentType),
        size: f.bytes.length,
        sha256,
        role: 'attachment',
      });
    }
    return refs;
  };

  /** The files kept from the draft the form names (a bad, expired or foreign token keeps none). */
  const keptFiles = async (ctx: Ctx, form: ParsedForm, which: DraftForm): Promise<KeptFiles> => {
    const token = form.fields.get(DRAFT_FIELD) ?? '';
    const wanted = [...form.fields.keys()].some(isKeepField);
    const none = { token: null, files: [], uploads: [], lost: wanted };
    if (!token) return none;
    const listed = await db((m) => draftFilesOf(m, which, ctx.csrf, token, clock()));
    if (!listed) return none;
    const files = listed.filter((_, i) => form.fields.get(keepField(i)) === '1');
    const uploads = await db((m) => draftUploads(m, which, ctx.csrf, token, files));
    return uploads ? { token, files, uploads, lost: false } : none;
  };

  /**
   * Keeps a failed form's files (the kept ones and, when within the address's limit, the new ones)
   * as a new draft for the page shown again, replacing the one it came with. `dropped`: new files
   * that were not kept.
   */
  const keepDraft = async (
    req: IncomingMessage,
    ctx: Ctx,
    which: DraftForm,
    kept: KeptFiles,
    fresh: ParsedForm['files'],
  ): Promise<{ draft: Draft | null; dropped: boolean }> => {
    const mayStore =
      fresh.length === 0 ||
      (await write((m) =>
        countAttempt(m, draftKeys(limits, clientAddress(req)), limits.windowMinutes, clock()),
      ));
    const uploads: Upload[] = [
      ...kept.uploads,
      ...(mayStore
        ? fresh.map((f) => ({
            filename: safeFilename(f.filename),
            contentType: safeContentType(f.contentType),
            bytes: f.bytes,
          }))
        : []),
    ];
    if (uploads.length === 0) {
      if (kept.token) await write((m) => deleteDraft(m, which, ctx.csrf, kept.token!));
      return { draft: null, dropped: fresh.length > 0 };
    }
    const draft = await write((m) => createDraft(m, which, ctx.csrf, uploads, clock(), kept.token));
    return { draft, dropped: !mayStore };
  };

  /** Whether a submit's files (the kept and the new together) break the limits: what the page says, or null. */
  const overLimits = (ctx: Ctx, kept: KeptFiles, fresh: ParsedForm['files']): string | null =>
    filesProblem(
      ctx.w,
      ctx.lang,
      [...kept.files.map((f) => f.size), ...fresh.map((f) => f.bytes.length)],
      maxMessageBytes,
    );

  /** What is wrong with a submit's files, or null. */
  const attachmentsProblem = (ctx: Ctx, kept: KeptFiles, fresh: ParsedForm['files']): string | null =>
    overLimits(ctx, kept, fresh) ?? (kept.lost ? ctx.w.errors.attachmentsLost : null);

  /** The files of a form shown again: kept as a draft unless they were the problem. */
  const draftForFailedForm = async (
    req: IncomingMessage,
    ctx: Ctx,
    which: DraftForm,
    kept: KeptFiles,
    fresh: ParsedForm['files'],
    errors: FieldErrors,
  ): Promise<Draft | null> => {
    // New files over the limits are not kept: only the earlier ones (within them), to choose from again.
    const tooMany = overLimits(ctx, kept, fresh) !== null;
    try {
      const { draft, dropped } = await keepDraft(req, ctx, which, kept, tooMany ? [] : fresh);
      if (dropped && !errors.attachments) errors.attachments = ctx.w.errors.attachmentsAgain;
      return draft;
    } catch (e) {
      // The form comes back with what was typed all the same; only the files must be chosen again.
      console.warn('[central] web intake: a failed form’s files were not kept:', e);
      if (!errors.attachments && kept.uploads.length + fresh.length > 0)
        errors.attachments = ctx.w.errors.attachmentsAgain;
      return null;
    }
  };

  /** The draft is used up once its message is stored (it would expire anyway). */
  const dropDraft = (ctx: Ctx, which: DraftForm, kept: KeptFiles) =>
    kept.token
      ? write((m) => deleteDraft(m, which, ctx.csrf, kept.token!)).catch((e: unknown) => {
          console.warn('[central] web intake: a used draft was not removed:', e);
        })
      : Promise.resolve();

  const session = async (ctx: Ctx): Promise<{ email: string; token: string } | null> => {
    const token = ctx.cookies.get(SESSION_COOKIE);
    if (!token) return null;
    const email = await db((m) => sessionEmail(m, token, clock()));
    return email ? { email, token } : null;
  };

  const signedOut = (res: ServerResponse, ctx: Ctx) =>
    send(
      res,
      ctx,
      401,
      messagePage(
        frame(ctx, false),
        ctx.w.problems.signedOutTitle,
        [ctx.w.problems.signedOut],
        [[`${BASE}/folg`, ctx.w.follow.title]],
      ),
      { 'set-cookie': [cookie(SESSION_COOKIE, '', 0, 'Lax')] },
    );

  // --- the routes -------------------------------------------------------------------------------

  const home = async (
    res: ServerResponse,
    ctx: Ctx,
    signedIn: boolean,
    values: FormValues = {},
    errors: FieldErrors = {},
    draft: Draft | null = null,
  ) => {
    const [current, data] = await Promise.all([notices.current(), formData()]);
    const status = Object.values(errors).some(Boolean) ? 400 : 200;
    send(res, ctx, status, homePage(frame(ctx, signedIn), current, data, values, errors, draft));
  };

  const fileTicket = async (req: IncomingMessage, res: ServerResponse, ctx: Ctx, signedIn: boolean) => {
    const form = await readPost(req, res, ctx, hardLimit, signedIn);
    if (!form) return;
    const values: FormValues = {};
    for (const k of WEB_FIELDS) values[k] = form.fields.get(k) ?? '';
    const errors: FieldErrors = {};
    for (const k of WEB_FIELDS) if (textProblem(values[k]!)) errors[k] = ctx.w.errors.badText;
    const parsed = webTicketForm.safeParse({
      ...values,
      title: values.title || undefined,
      system: values.system || undefined,
    });
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const k = String(issue.path[0] ?? '');
        if (k && !errors[k]) errors[k] = webFieldError(ctx.w, k, issue);
      }
    const kept = await keptFiles(ctx, form, 'ticket');
    const fileProblem = attachmentsProblem(ctx, kept, form.files);
    if (fileProblem) errors.attachments = fileProblem;
    if (Object.keys(errors).length > 0 || !parsed.success) {
      const draft = await draftForFailedForm(req, ctx, 'ticket', kept, form.files, errors);
      return home(res, ctx, signedIn, values, errors, draft);
    }

    const email = parsed.data.reporterEmail;
    const at = clock();
    const ticketId = uuidv7();
    // The count and the receipt in one commit (the ticket's id is ours to choose); a receipt whose
    // ticket then does not commit opens nothing.
    const receiptToken = await write(async (m) =>
      (await countAttempt(
        m,
        limitKeys(limits, 'ticket', clientAddress(req), email),
        limits.windowMinutes,
        at,
      ))
        ? createReceipt(m, ticketId, email, at)
        : null,
    );
    if (!receiptToken) return limited(res, ctx, signedIn);
    const attachments = await storeFiles([...kept.uploads, ...form.files]);
    const result = await serverMutations.run(webTicket, {
      ...values,
      title: values.title || undefined,
      system: values.system || undefined,
      id: ticketId,
      at: at.toISOString(),
      attachments,
    } as z.input<typeof webTicket.args>);
    if (result.status !== 'applied') {
      if (result.status === 'rejected' && result.code === 'notFound') {
        const errors: FieldErrors = { customerId: ctx.w.errors.unknownCustomer };
        const draft = await draftForFailedForm(req, ctx, 'ticket', kept, form.files, errors);
        return home(res, ctx, signedIn, values, errors, draft);
      }
      console.error(`[central] web intake: a ticket was not filed: ${JSON.stringify(result)}`);
      return failed(res, ctx, signedIn);
    }
    await dropDraft(ctx, 'ticket', kept);
    redirect(res, ctx, `${BASE}/kvittering/${ticketId}/${receiptToken}`);
  };

  const receipt = async (
    res: ServerResponse,
    ctx: Ctx,
    signedIn: boolean,
    ticketId: string,
    token: string,
  ) => {
    const found = await db(async (m) => {
      const email = await receiptEmail(m, ticketId, token, clock());
      if (!email) return null;
      const p = placeholder(m);
      const rows = (await runSql(m, `SELECT reference, created_at FROM ticket WHERE id = ${p(0)}`, [
        ticketId,
      ])) as Array<{
        reference: string | null;
        created_at: string;
      }>;
      const row = rows[0];
      if (!row) return null;
      const { calendar } = await slaInForce(m);
      const atMs = Date.parse(row.created_at);
      return {
        reference: row.reference ?? '',
        email,
        handledFrom: calendar.isOpen(atMs) ? null : calendar.nextOpening(atMs),
      };
    });
    if (!found)
      return send(
        res,
        ctx,
        404,
        messagePage(
          frame(ctx, signedIn),
          ctx.w.receipt.expired,
          [ctx.w.receipt.expiredText],
          [[`${BASE}/folg`, ctx.w.receipt.follow]],
        ),
      );
    send(res, ctx, 200, receiptPage(frame(ctx, signedIn), found));
  };

  let warnedNoLinkBase = false;
  const warnNoLinkBase = () => {
    if (warnedNoLinkBase) return;
    warnedNoLinkBase = true;
    console.warn(
      '[central] web intake: no sign-in links are sent: listening on every interface, set --public-url to the address reporters use',
    );
  };

  const askForLink = async (req: IncomingMessage, res: ServerResponse, ctx: Ctx) => {
    const form = await readPost(req, res, ctx, SMALL_BODY);
    if (!form) return;
    const typed = form.fields.get('email') ?? '';
    const parsed = emailSchema.safeParse(typed.trim());
    if (!parsed.success || textProblem(typed))
      return send(
        res,
        ctx,
        400,
        followPage(frame(ctx, false), { email: typed }, { email: ctx.w.errors.email }, !!mailer),
      );
    const email = parsed.data.toLowerCase();
    if (!(await withinLimit('link', clientAddress(req), email))) return limited(res, ctx);
    const base = ownLinkBase();
    if (!mailer || !base) {
      if (mailer && !base) warnNoLinkBase();
      return send(res, ctx, 200, followSentPage(frame(ctx, false), false));
    }
    // The same database work for every address; the e-mail only to one with tickets, after the answer.
    const now = clock();
    const { token, known } = await write(async (m) => {
      const p = placeholder(m);
      const has = await runSql(m, `SELECT id FROM ticket WHERE LOWER(reporter_email) = ${p(0)} LIMIT 1`, [
        email,
      ]);
      return { token: await createSignInLink(m, email, now), known: has.length > 0 };
    });
    send(res, ctx, 200, followSentPage(frame(ctx, false), true));
    if (known) {
      const link = `${base}${BASE}/logg-inn?t=${token}${ctx.lang === 'en' ? '&lang=en' : ''}`;
      mailer.send(email, link, ctx.lang).catch((e: unknown) => {
        console.error(
          `[central] web intake: the sign-in link could not be sent: ${e instanceof Error ? e.message : String(e)}`,
        );
      });
    }
  };

  const signIn = async (req: IncomingMessage, res: ServerResponse, ctx: Ctx) => {
    const form = await readPost(req, res, ctx, SMALL_BODY);
    if (!form) return;
    const token = form.fields.get('t') ?? '';
    const now = clock();
    const email = await write(async (m) => {
      const address = await consumeSignInLink(m, token, now);
      return address ? { address, session: await createSession(m, address, now) } : null;
    });
    if (!email) return send(res, ctx, 400, signInPage(frame(ctx, false), null));
    redirect(res, ctx, `${BASE}/saker`, [
      cookie(SESSION_COOKIE, email.session, SESSION_TTL_MS / 1000, 'Lax'),
    ]);
  };

  const answer = async (req: IncomingMessage, res: ServerResponse, ctx: Ctx, ticketId: string) => {
    const who = await session(ctx);
    if (!who) {
      signedOut(res, ctx);
      // An upload from someone not signed in is not read.
      res.once('finish', () => req.destroy());
      return;
    }
    const form = await readPost(req, res, ctx, hardLimit, true);
    if (!form) return;
    const text = form.fields.get('text') ?? '';
    const errors: FieldErrors = {};
    const trimmed = text.trim();
    if (textProblem(text)) errors.text = ctx.w.errors.badText;
    else if (!trimmed) errors.text = ctx.w.errors.text;
    else if (trimmed.length > 50_000) errors.text = ctx.w.errors.textLong;
    const view = await db((m) => reporterTicketView(m, ticketId, who.email));
    if (!view) return notFound(res, ctx, true);
    const which: DraftForm = `answer:${ticketId}`;
    const kept = await keptFiles(ctx, form, which);
    const fileProblem = attachmentsProblem(ctx, kept, form.files);
    if (fileProblem) errors.attachments = fileProblem;
    if (Object.keys(errors).length > 0) {
      const draft = await draftForFailedForm(req, ctx, which, kept, form.files, errors);
      return send(
        res,
        ctx,
        400,
        ticketPage(frame(ctx, true), view, { values: { text }, errors, maxMessageBytes, draft }),
      );
    }
    if (!(await withinLimit('reply', null, who.email))) return limited(res, ctx, true);
    const attachments = await storeFiles([...kept.uploads, ...form.files]);
    const result = await serverMutations.run(reporterReply, {
      id: uuidv7(),
      ticketId,
      at: clock().toISOString(),
      fromEmail: who.email,
      text,
      attachments,
    });
    if (result.status === 'rejected' && result.code === 'notFound') return notFound(res, ctx, true);
    if (result.status === 'rejected' && result.code === 'invalidTransition')
      return send(
        res,
        ctx,
        409,
        ticketPage(frame(ctx, true), view, {
          values: { text },
          errors: { text: ctx.w.problems.closedTicket },
          maxMessageBytes,
        }),
      );
    if (result.status !== 'applied') {
      console.error(`[central] web intake: an answer was not recorded: ${JSON.stringify(result)}`);
      return failed(res, ctx, true);
    }
    await dropDraft(ctx, which, kept);
    redirect(res, ctx, `${BASE}/saker/${ticketId}?sendt=1`);
  };

  const download = async (res: ServerResponse, ctx: Ctx, ticketId: string, attachmentId: string) => {
    const who = await session(ctx);
    if (!who) return signedOut(res, ctx);
    const file = await db(async (m) => {
      const view = await reporterTicketView(m, ticketId, who.email);
      if (!view?.attachments.some((a) => a.id === attachmentId)) return null;
      return m.findOneBy(TicketAttachment, { id: attachmentId, ticketId, role: 'attachment' });
    });
    const bytes = file ? await readContent(store, file.sha256) : null;
    if (!file || !bytes) return notFound(res, ctx, true);
    res.writeHead(200, {
      ...baseHeaders(),
      'content-type': safeContentType(file.contentType),
      'content-length': String(bytes.length),
      'content-disposition': `attachment; filename="${file.filename.replace(/[^\w .()-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, no-store',
    });
    res.end(bytes);
  };

  return {
    async handle(req, res, url) {
      const path = url.pathname;
      const method = req.method ?? 'GET';
      if (path === BASE) {
        res.writeHead(308, { location: `${BASE}/${url.search}` }).end();
        return;
      }
      if (path === STYLE_PATH) {
        const headers = {
          ...baseHeaders(),
          'content-type': 'text/css; charset=utf-8',
          'cache-control': 'public, max-age=3600',
          etag: CSS_ETAG,
        };
        if (req.headers['if-none-match'] === CSS_ETAG) return void res.writeHead(304, headers).end();
        return void res.writeHead(200, headers).end(method === 'HEAD' ? undefined : INTAKE_CSS);
      }
      const ctx = contextOf(req, url);
      const isGet = method === 'GET' || method === 'HEAD';
      const isPost = method === 'POST';
      const signedInCookie = ctx.cookies.has(SESSION_COOKIE);
      try {
        if (path === `${BASE}/` || path === `${BASE}/sak`) {
          if (isGet) return await home(res, ctx, signedInCookie);
          if (isPost && path === `${BASE}/sak`) return await fileTicket(req, res, ctx, signedInCookie);
        } else if (path === `${BASE}/folg`) {
          if (isGet) return send(res, ctx, 200, followPage(frame(ctx, false), {}, {}, !!mailer));
          if (isPost) return await askForLink(req, res, ctx);
        } else if (path === `${BASE}/logg-inn`) {
          if (isGet) {
            const token = url.searchParams.get('t') ?? '';
            const usable =
              TOKEN_PATTERN.test(token) && (await db((m) => signInLinkUsable(m, token, clock())));
            return send(res, ctx, usable ? 200 : 400, signInPage(frame(ctx, false), usable ? token : null));
          }
          if (isPost) return await signIn(req, res, ctx);
        } else if (path === `${BASE}/logg-ut`) {
          if (isPost) {
            const form = await readPost(req, res, ctx, SMALL_BODY, true);
            if (!form) return;
            const token = ctx.cookies.get(SESSION_COOKIE);
            if (token) await write((m) => revokeSession(m, token, clock()));
            return send(
              res,
              ctx,
              200,
              messagePage(frame(ctx, false), ctx.w.signedOut, [], [[`${BASE}/`, ctx.w.problems.home]]),
              {
                'set-cookie': [cookie(SESSION_COOKIE, '', 0, 'Lax')],
              },
            );
          }
        } else if (path === `${BASE}/saker`) {
          if (isGet) {
            const who = await session(ctx);
            if (!who) return signedOut(res, ctx);
            const tickets = await db((m) => reporterTickets(m, who.email));
            return send(res, ctx, 200, ticketsPage(frame(ctx, true), who.email, tickets));
          }
        } else if (TICKET_PATH.test(path)) {
          const ticketId = TICKET_PATH.exec(path)![1]!.toLowerCase();
          if (isGet) {
            const who = await session(ctx);
            if (!who) return signedOut(res, ctx);
            const view = await db((m) => reporterTicketView(m, ticketId, who.email));
            if (!view) return notFound(res, ctx, true);
            return send(
              res,
              ctx,
              200,
              ticketPage(frame(ctx, true), view, {
                sent: url.searchParams.get('sendt') === '1',
                maxMessageBytes,
              }),
            );
          }
          if (isPost) return await answer(req, res, ctx, ticketId);
        } else if (FILE_PATH.test(path)) {
          const [, ticketId, attachmentId] = FILE_PATH.exec(path)!;
          if (isGet) return await download(res, ctx, ticketId!.toLowerCase(), attachmentId!.toLowerCase());
        } else if (RECEIPT_PATH.test(path)) {
          const [, ticketId, token] = RECEIPT_PATH.exec(path)!;
          if (isGet) return await receipt(res, ctx, signedInCookie, ticketId!.toLowerCase(), token!);
        } else {
          return notFound(res, ctx, signedInCookie);
        }
        res
          .writeHead(405, {
            ...baseHeaders(),
            allow: isGet ? 'POST' : 'GET, HEAD',
            'content-type': 'text/plain; charset=utf-8',
          })
          .end('Method not allowed');
      } catch (e) {
        console.error('[central] web intake:', e);
        if (!res.headersSent) failed(res, ctx, signedInCookie);
        else res.end();
      }
    },
    close: () => mailer?.close(),
  };
}
