// The web intake's one stylesheet (issue 17, item 6), served as a file at
// /kundeservice/stil.css (the CSP allows style-src 'self' and nothing inline).
// Kept as a string in a module, so every bundle and runner (the build, Vitest,
// tsx) carries it without a loader. Mobile first: one column, large touch
// targets, no horizontal scrolling at 320 px. WCAG 2.1 AA: text at 4.5:1 or
// more (body #1a1a1a, links #0b4f8a, errors #a4161a on white), a thick
// visible focus on everything that takes it, errors marked by more than
// colour (a bar, a word, the summary).
export const INTAKE_CSS = `:root { color-scheme: light; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 1.0625rem; line-height: 1.5; color: #1a1a1a; background: #ffffff; }
.wrap { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
.skip { position: absolute; left: -10000px; top: 0; }
.skip:focus { position: static; display: block; padding: 0.75rem 1rem; background: #ffdd00; color: #1a1a1a; }
header.site { background: #0b3d66; color: #ffffff; }
header.site .wrap { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 1rem; padding-top: 0.75rem; padding-bottom: 0.75rem; }
header.site a { color: #ffffff; }
.brand { font-weight: 700; font-size: 1.125rem; text-decoration: none; }
.brand:hover { text-decoration: underline; }
header.site nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0; padding: 0; }
header.site nav a { display: inline-block; padding: 0.25rem 0; }
main { padding-top: 1rem; padding-bottom: 2rem; }
main:focus { outline: none; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 1rem 0 0.75rem; }
h2 { font-size: 1.375rem; line-height: 1.3; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.125rem; margin: 0 0 0.25rem; }
p { margin: 0 0 0.75rem; }
a { color: #0b4f8a; text-decoration: underline; text-underline-offset: 0.15em; }
a:hover { color: #072f52; }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible, .error-summary:focus { outline: 3px solid #1a1a1a; outline-offset: 2px; box-shadow: 0 0 0 6px #ffdd00; }
header.site a:focus-visible { outline-color: #ffdd00; box-shadow: none; }
.lead { font-size: 1.125rem; }
.muted { color: #4a4a4a; }
.notice { border: 1px solid #6b6b6b; border-left: 0.5rem solid #8a1c1c; border-radius: 0.25rem; padding: 0.75rem 1rem; margin: 0 0 0.75rem; }
.notice.planned { border-left-color: #0b4f8a; }
.notice p { margin: 0.25rem 0; }
.badge { display: inline-block; padding: 0 0.5rem; border-radius: 0.25rem; font-weight: 700; color: #ffffff; background: #8a1c1c; }
.badge.planned { background: #0b4f8a; }
form { margin: 0; }
.field { margin: 0 0 1.5rem; padding: 0; border: 0; }
.field.has-error { border-left: 0.3rem solid #a4161a; padding-left: 0.75rem; }
label, legend { display: block; font-weight: 600; margin-bottom: 0.25rem; }
legend { font-size: 1.125rem; padding: 0; }
.req, .opt { font-weight: 400; color: #4a4a4a; }
.hint { color: #4a4a4a; margin: 0 0 0.35rem; }
.error { color: #a4161a; font-weight: 700; margin: 0 0 0.35rem; }
input[type="text"], input[type="email"], input[type="tel"], select, textarea { display: block; width: 100%; max-width: 32rem; font: inherit; color: #1a1a1a; background: #ffffff; padding: 0.5rem 0.6rem; border: 2px solid #4a4a4a; border-radius: 0.2rem; min-height: 2.75rem; }
textarea { max-width: 100%; min-height: 9rem; resize: vertical; }
.has-error input, .has-error select, .has-error textarea { border-color: #a4161a; }
input[type="file"] { font: inherit; max-width: 100%; }
.radio, .checkbox { display: grid; grid-template-columns: 1.75rem 1fr; gap: 0 0.5rem; align-items: start; margin: 0 0 0.75rem; }
.radio input, .checkbox input { width: 1.5rem; height: 1.5rem; margin: 0.1rem 0 0; accent-color: #0b3d66; }
.radio label, .checkbox label { margin: 0; }
.checkbox label { font-weight: 400; overflow-wrap: anywhere; }
.radio p { grid-column: 2; margin: 0; color: #4a4a4a; }
button { font: inherit; font-weight: 700; color: #ffffff; background: #0b4f8a; border: 2px solid #0b4f8a; border-radius: 0.25rem; padding: 0.6rem 1.25rem; min-height: 2.75rem; cursor: pointer; }
button:hover { background: #072f52; }
button.secondary { color: #0b4f8a; background: #ffffff; }
.error-summary { border: 0.3rem solid #a4161a; padding: 0.75rem 1rem; margin: 0 0 1.5rem; }
.error-summary h2 { margin-top: 0; font-size: 1.25rem; }
.error-summary ul { margin: 0; padding-left: 1.25rem; }
.error-summary a { color: #a4161a; font-weight: 700; }
.panel { border: 0.25rem solid #1e5e2e; padding: 1rem; margin: 0 0 1.5rem; }
.reference { font-size: 1.75rem; font-weight: 700; letter-spacing: 0.02em; margin: 0.25rem 0 0.75rem; }
.status-box { border: 1px solid #6b6b6b; border-radius: 0.25rem; padding: 0.75rem 1rem; margin: 0 0 1rem; }
.cards { list-style: none; margin: 0; padding: 0; }
.cards li { border: 1px solid #6b6b6b; border-radius: 0.25rem; padding: 0.75rem 1rem; margin: 0 0 0.75rem; }
.cards p { margin: 0.25rem 0 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0 0 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.history { list-style: none; margin: 0 0 1rem; padding: 0; }
.history > li { border-left: 0.25rem solid #6b6b6b; padding: 0.25rem 0 0.25rem 0.75rem; margin: 0 0 0.75rem; }
.history > li.from-desk { border-left-color: #0b4f8a; }
.history > li.from-reporter { border-left-color: #1e5e2e; }
.history .when { display: block; color: #4a4a4a; font-size: 0.95rem; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.25rem 0 0; }
.files { margin: 0.25rem 0 0; padding-left: 1.25rem; }
.inline-form { display: inline; }
footer.site { border-top: 1px solid #6b6b6b; padding-top: 1rem; padding-bottom: 2rem; color: #4a4a4a; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
@media (min-width: 40rem) { h1 { font-size: 2rem; } }
`;
