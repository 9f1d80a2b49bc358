// The wallboard page (issue 15): plain HTML, CSS and a small script, served by
// the central store with no build step and nothing from elsewhere (its CSP
// allows only itself). Large type and high contrast for a 1920×1080 screen
// read from across the room (WCAG 2.1 AA: states are words, not colours
// alone). The script listens to the screen's stream and counts the waits up
// between changes; a stream that drops is retried by the browser, and the
// screen says it shows the last figures meanwhile. A wall screen runs for
// weeks: the stream opens with the page's version, and a screen whose page is
// older (the central store was upgraded) loads the new one.
import { createHash } from 'node:crypto';

/** The page; its assets are named with the page's version, so an upgraded page is never mixed with cached old ones. */
export function wallboardHtml(): string {
  return HTML_TEMPLATE.replaceAll('__VERSION__', WALLBOARD_VERSION);
}

const HTML_TEMPLATE = `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Køtavle – ROR-IKT Kundeservice</title>
<link rel="stylesheet" href="/wallboard/assets/wallboard.css?v=__VERSION__">
<script src="/wallboard/assets/wallboard.js?v=__VERSION__" defer></script>
</head>
<body>
<header class="top">
  <h1>ROR-IKT Kundeservice</h1>
  <p class="clock"><span id="day"></span> <time id="clock"></time></p>
</header>
<main>
  <section aria-labelledby="phone-title" class="band">
    <h2 id="phone-title">Telefon</h2>
    <div class="tiles">
      <div class="tile big" id="tile-waiting"><span class="value" id="waiting">–</span><span class="label">I kø nå</span></div>
      <div class="tile big" id="tile-longest"><span class="value" id="longest">–</span><span class="label" id="longest-label">Lengste ventetid</span></div>
      <div class="tile"><span class="value" id="answered">–</span><span class="label">Besvart i dag</span></div>
      <div class="tile"><span class="value" id="in-time">–</span><span class="label" id="in-time-label">Besvart innen 60 s</span></div>
      <div class="tile"><span class="value" id="median">–</span><span class="label">Median ventetid</span></div>
      <div class="tile"><span class="value" id="abandoned">–</span><span class="label">Lagt på i kø</span></div>
      <div class="tile"><span class="value" id="missed">–</span><span class="label">Tapte, ikke ringt tilbake</span></div>
    </div>
  </section>
  <section aria-labelledby="people-title" class="band">
    <h2 id="people-title">På vakt</h2>
    <ul id="people" class="people"></ul>
  </section>
  <section aria-labelledby="tickets-title" class="band">
    <h2 id="tickets-title">Åpne saker</h2>
    <div class="tiles">
      <div class="tile"><span class="value" id="open">–</span><span class="label">Åpne i alt</span></div>
      <div class="tile"><span class="value" id="p-critical">–</span><span class="label">Kritisk</span></div>
      <div class="tile"><span class="value" id="p-high">–</span><span class="label">Høy</span></div>
      <div class="tile"><span class="value" id="p-medium">–</span><span class="label">Middels</span></div>
      <div class="tile"><span class="value" id="p-low">–</span><span class="label">Lav</span></div>
      <div class="tile" id="tile-breached"><span class="value" id="breached">–</span><span class="label">Frist brutt</span></div>
      <div class="tile" id="tile-at-risk"><span class="value" id="at-risk">–</span><span class="label">Frist i fare</span></div>
    </div>
  </section>
</main>
<footer><p id="status" role="status">Kobler til …</p></footer>
</body>
</html>
`;

export const WALLBOARD_CSS = `
:root { color-scheme: dark; --bg: #0b1622; --card: #15263a; --ink: #ffffff; --muted: #c9d6e3;
  --warn: #ffd166; --bad: #ff8a80; --ok: #8ce99a; }
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { background: var(--bg); color: var(--ink); font-family: system-ui, "Segoe UI", Roboto, sans-serif;
  font-size: 28px; line-height: 1.25; display: flex; flex-direction: column; }
.top { display: flex; justify-content: space-between; align-items: baseline; padding: 16px 40px 0; }
h1 { font-size: 40px; margin: 0; }
.clock { font-size: 40px; margin: 0; color: var(--muted); font-variant-numeric: tabular-nums; }
main { flex: 1; display: flex; flex-direction: column; gap: 18px; padding: 12px 40px; }
h2 { font-size: 30px; margin: 0 0 8px; color: var(--muted); font-weight: 600; }
.tiles { display: grid; grid-template-columns: repeat(7, 1fr); gap: 16px; }
.tile { background: var(--card); border-radius: 12px; padding: 14px 20px; display: flex; flex-direction: column;
  border: 4px solid transparent; }
.value { font-size: 76px; font-weight: 800; font-variant-numeric: tabular-nums; line-height: 1.05; }
.big .value { font-size: 104px; }
.label { font-size: 26px; color: var(--muted); }
.tile.warn { border-color: var(--warn); }
.tile.warn .value { color: var(--warn); }
.tile.bad { border-color: var(--bad); }
.tile.bad .value { color: var(--bad); }
.people { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(6, 1fr); gap: 12px; }
.people li { background: var(--card); border-radius: 12px; padding: 10px 16px; border-left: 10px solid var(--muted); }
.people .name { display: block; font-size: 34px; font-weight: 700; }
.people .state { font-size: 26px; color: var(--muted); }
.people [data-state="available"] { border-left-color: var(--ok); }
.people [data-state="on_call"] { border-left-color: #74c0fc; }
.people [data-state="wrap_up"], .people [data-state="break"] { border-left-color: var(--warn); }
.people [data-state="offline"] { border-left-color: var(--bad); }
.people .none { color: var(--muted); background: none; border: 0; }
footer { padding: 6px 40px 14px; color: var(--muted); font-size: 24px; }
footer p { margin: 0; }
footer .stale { color: var(--warn); }
`;

const WALLBOARD_JS_TEMPLATE = `
'use strict';
(function () {
  var VERSION = '__VERSION__';
  var STATES = { available: 'Ledig', on_call: 'I samtale', wrap_up: 'Etterarbeid', 'break': 'Pause',
    on_site: 'På oppdrag', offline: 'Frakoblet' };
  var token = location.pathname.split('/')[2] || '';
  var view = null;
  var skewMs = 0;
  var connected = false;
  var lastAt = null;
  var revoked = false;
  function $(id) { return document.getElementById(id); }
  function text(id, value) { var el = $(id); if (el.textContent !== value) el.textContent = value; }
  function two(n) { return n < 10 ? '0' + n : String(n); }
  function duration(ms) {
    if (ms === null || ms === undefined) return '–';
    var s = Math.floor(ms / 1000), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
    return h > 0 ? h + ':' + two(m) + ':' + two(s % 60) : m + ':' + two(s % 60);
  }
  function limit(s) { return s % 60 === 0 ? s / 60 + ' min' : s + ' s'; }
  function percent(share) { return share === null ? '–' : Math.round(share * 100) + ' %'; }
  // Oslo's time, whatever the screen's own time zone is set to.
  var clockFormat = new Intl.DateTimeFormat('nb-NO', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Oslo' });
  var dayFormat = new Intl.DateTimeFormat('nb-NO', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'Europe/Oslo' });
  function hhmm(d) { return clockFormat.format(d); }
  function tone(id, name) { var el = $(id); el.classList.toggle('warn', name === 'warn'); el.classList.toggle('bad', name === 'bad'); }
  function render() {
    var now = new Date(Date.now() + skewMs);
    text('clock', hhmm(now));
    if (!view) return;
    text('day', dayFormat.format(now));
    var c = view.calls;
    var longest = c.longestWaitingSince === null ? null : Math.max(0, now.getTime() - Date.parse(c.longestWaitingSince));
    var threshold = view.longWaitSeconds * 1000;
    text('waiting', String(c.waiting));
    text('longest', duration(longest));
    text('longest-label', longest !== null && longest > threshold
      ? 'Lengste ventetid – over ' + limit(view.longWaitSeconds) : 'Lengste ventetid');
    tone('tile-longest', longest !== null && longest > threshold ? 'bad' : null);
    tone('tile-waiting', c.waiting > 0 ? 'warn' : null);
    text('answered', String(c.answered));
    text('in-time', percent(c.answeredInTimeShare));
    text('in-time-label', 'Besvart innen ' + view.answerWithinSeconds + ' s');
    text('median', duration(c.medianWaitMs));
    text('abandoned', percent(c.abandonedShare));
    text('missed', String(c.missedNotCalledBack));
    var t = view.tickets;
    text('open', String(t.open));
    ['critical', 'high', 'medium', 'low'].forEach(function (p) { text('p-' + p, String(t.byPriority[p])); });
    var breached = t.byClock.responseBreached + t.byClock.resolutionBreached;
    var atRisk = t.byClock.responseAtRisk + t.byClock.resolutionAtRisk;
    text('breached', String(breached));
    text('at-risk', String(atRisk));
    tone('tile-breached', breached ? 'bad' : null);
    tone('tile-at-risk', atRisk ? 'warn' : null);
    renderPeople(now);
  }
  function renderPeople(now) {
    var list = $('people');
    var items = view.people.map(function (p) {
      var state = p.state ? STATES[p.state] + ' ' + duration(now.getTime() - Date.parse(p.since)) : 'Ingen status';
      return { name: p.firstName, state: state, key: p.state || 'none' };
    });
    if (items.length === 0) items = [{ name: 'Ingen på vakt ennå', state: '', key: 'none', empty: true }];
    while (list.children.length > items.length) list.removeChild(list.lastChild);
    items.forEach(function (item, i) {
      var li = list.children[i];
      if (!li) {
        li = document.createElement('li');
        var n = document.createElement('span'); n.className = 'name'; li.appendChild(n);
        var s = document.createElement('span'); s.className = 'state'; li.appendChild(s);
        list.appendChild(li);
      }
      li.setAttribute('data-state', item.key);
      li.className = item.empty ? 'none' : '';
      if (li.children[0].textContent !== item.name) li.children[0].textContent = item.name;
      if (li.children[1].textContent !== item.state) li.children[1].textContent = item.state;
    });
  }
  function status() {
    var el = $('status');
    if (revoked) { el.textContent = 'Denne skjermen har ikke lenger tilgang. Be en teamleder om en ny adresse.'; el.className = 'stale'; return; }
    if (connected) { el.textContent = 'Direkte'; el.className = ''; return; }
    el.textContent = lastAt ? 'Mistet forbindelsen – viser tallene fra kl. ' + hhmm(new Date(lastAt)) + ', prøver igjen …' : 'Kobler til …';
    el.className = 'stale';
  }
  var source = new EventSource('/wallboard/' + encodeURIComponent(token) + '/stream');
  source.onopen = function () { connected = true; status(); };
  source.onmessage = function (e) {
    view = JSON.parse(e.data);
    skewMs = Date.parse(view.at) - Date.now();
    lastAt = view.at;
    connected = true;
    status();
    render();
  };
  // The central store serves a newer page: load it (the figures may have changed their shape).
  source.addEventListener('version', function (e) { if (JSON.parse(e.data) !== VERSION) location.reload(); });
  source.addEventListener('revoked', function () { revoked = true; source.close(); status(); });
  source.onerror = function () { connected = false; status(); };
  setInterval(render, 1000);
  render();
})();
`;

/** The page's version: its script, style and markup (the stream's first event carries it). */
export const WALLBOARD_VERSION = createHash('sha256')
  .update(WALLBOARD_JS_TEMPLATE)
  .update(WALLBOARD_CSS)
  .update(HTML_TEMPLATE)
  .digest('hex')
  .slice(0, 16);

export const WALLBOARD_JS = WALLBOARD_JS_TEMPLATE.replace('__VERSION__', WALLBOARD_VERSION);
