// An e-mail's HTML version (issue 17), only when asked for: the plain text is
// what the ticket shows. The central store keeps the HTML sanitised; the desk
// still shows it in a sandboxed frame (no scripts, no forms, its own opaque
// origin) whose document forbids everything but inline styles and embedded
// (data:) images. Images from the net are fetched only after a second click
// ("Vis bilder"): they would tell the sender the message was read.
import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../app/trpc';
import { base64Bytes, openErrorText } from './files';

const CSP_NO_REMOTE = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
const CSP_WITH_IMAGES = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:";

const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The frame's whole document: the policy first, so it holds before any of the message is read. */
export function htmlDocument(html: string, remoteImages: boolean): string {
  const csp = remoteImages ? CSP_WITH_IMAGES : CSP_NO_REMOTE;
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<style>body{font-family:system-ui,sans-serif;font-size:14px;margin:8px;color:#1d2733;background:#fff}img{max-width:100%;height:auto}</style>',
    '</head><body>',
    html,
    '</body></html>',
  ].join('');
}

export function HtmlVersion({ id, label }: { id: string; label?: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const panelId = useId();
  return (
    <div className="html-version">
      <button
        type="button"

        aria-expanded={shown}
        aria-controls={shown ? panelId : undefined}
        onClick={() => setShown((s) => !s)}
      >
        {shown ? t('intake.html.hide') : (label ?? t('intake.html.show'))}
      </button>
      {shown && <HtmlFrame id={id} panelId={panelId} />}
    </div>
  );
}

function HtmlFrame({ id, panelId }: { id: string; panelId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [images, setImages] = useState(false);
  const file = useQuery(trpc.attachments.open.queryOptions({ id }, { staleTime: Infinity, retry: false }));
  if (file.isPending)
    return (
      <p className="muted small" id={panelId}>
        {t('common.loading')}
      </p>
    );
  if (file.isError)
    return (
      <p role="alert" className="field-error small" id={panelId}>
        {openErrorText(file.error, t)}
      </p>
    );
  const html = new TextDecoder('utf-8').decode(base64Bytes(file.data.base64));
  const hasRemoteImages = /<img\b[^>]*\bsrc\s*=\s*["']?\s*(https?:)?\/\//i.test(html);
  return (
    <div id={panelId} className="html-frame" data-testid="html-version">
      <p className="muted small">
        {images ? t('intake.html.imagesShown') : t('intake.html.note')}{' '}
        {!images && hasRemoteImages && (
          <button type="button" onClick={() => setImages(true)}>
            {t('intake.html.showImages')}
          </button>
        )}
      </p>
      <iframe
        // A new frame when the policy changes: a document's CSP cannot be loosened in place.
        key={images ? 'images' : 'plain'}
        title={t('intake.html.title')}
        sandbox=""
        referrerPolicy="no-referrer"
        srcDoc={htmlDocument(html, images)}
      />
    </div>
  );
}
