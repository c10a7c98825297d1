/**
 * The one stylesheet of the server-rendered pages, inlined in a `<style>` element (the CSP
 * allows inline styles and nothing from elsewhere; no fonts, no scripts).
 *
 * Colours, with their contrast ratios (WCAG 2.1 AA needs 4.5:1 for text, 3:1 for controls):
 * text #1b2631 on #ffffff 15.3, on the page background #f4f5f2 14.0; muted text #4a5663 on
 * #ffffff 7.5, on #f4f5f2 6.9; the accent #0a5866 on #ffffff 8.1 (white on the accent 8.1),
 * on #f4f5f2 7.4, on the accent tint #e6f0f1 7.0; control borders #6b7885 on #ffffff 4.5.
 */
export const styles = `
:root {
  --text: #1b2631;
  --muted: #4a5663;
  --accent: #0a5866;
  --accent-dark: #07434e;
  --accent-tint: #e6f0f1;
  --page: #f4f5f2;
  --surface: #ffffff;
  --line: #d6dbe0;
  --control: #6b7885;
  --radius: 6px;
  color-scheme: light;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  min-height: 100vh;
  display: flex;
  flex-direction: column;
  background: var(--page);
  color: var(--text);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  font-size: 1rem;
  line-height: 1.6;
}
h1, h2, h3 { line-height: 1.25; margin: 0 0 0.75rem; font-weight: 600; }
h1 { font-size: 2rem; letter-spacing: -0.01em; }
h2 { font-size: 1.35rem; }
h3 { font-size: 1.1rem; }
p { margin: 0 0 1rem; }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:hover { color: var(--accent-dark); text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
#main:focus { outline: none; }

.skip-link {
  position: absolute;
  left: 1rem;
  top: -4rem;
  z-index: 10;
  padding: 0.6rem 1rem;
  background: var(--accent);
  color: #ffffff;
  font-weight: 600;
  border-radius: 0 0 var(--radius) var(--radius);
}
.skip-link:focus { top: 0; color: #ffffff; outline-color: var(--accent-dark); }

.visually-hidden {
  position: absolute !important;
  width: 1px;
  height: 1px;
  margin: -1px;
  padding: 0;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
  border: 0;
}

.wrap { width: 100%; max-width: 64rem; margin: 0 auto; padding: 0 1.5rem; }

.site-header { background: var(--surface); border-top: 4px solid var(--accent); border-bottom: 1px solid var(--line); }
.site-header .wrap {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  justify-content: space-between;
  gap: 1rem 2rem;
  padding-top: 1rem;
  padding-bottom: 1rem;
}
.brand { display: flex; flex-direction: column; }
.brand .product { font-size: 1.25rem; font-weight: 700; color: var(--text); text-decoration: none; letter-spacing: 0.01em; }
.brand .product:hover { color: var(--accent); }
.brand .tenant { color: var(--muted); font-size: 0.95rem; }
.account { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem 1.25rem; font-size: 0.95rem; }
.account .who { margin: 0; color: var(--muted); }
.account .who strong { color: var(--text); font-weight: 600; }
.inline-form { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; margin: 0; }

label { font-weight: 600; }
select, button {
  font: inherit;
  font-size: 0.95rem;
  min-height: 2.5rem;
  border-radius: var(--radius);
}
select { padding: 0.35rem 0.5rem; border: 1px solid var(--control); background: var(--surface); color: var(--text); }
button {
  padding: 0.35rem 0.9rem;
  border: 1px solid var(--accent);
  background: var(--surface);
  color: var(--accent);
  font-weight: 600;
  cursor: pointer;
}
button:hover { background: var(--accent-tint); }
button.primary, .button { background: var(--accent); color: #ffffff; }
button.primary:hover { background: var(--accent-dark); }
.button {
  display: inline-block;
  padding: 0.6rem 1.2rem;
  border-radius: var(--radius);
  font-weight: 600;
  text-decoration: none;
}
.button:hover { background: var(--accent-dark); color: #ffffff; }

/* A municipality's public page: its colour (white text on it reaches 4.5:1, checked when set). */
.branded .site-header { background: var(--brand); border-top-color: var(--brand); border-bottom-color: var(--brand); }
.branded .site-header, .branded .site-header .product, .branded .site-header a { color: #ffffff; }
.branded .site-header :focus-visible { outline-color: #ffffff; }
.branded .button, .branded button.primary { background: var(--brand); border-color: var(--brand); color: #ffffff; }
.branded .button:hover, .branded button.primary:hover { background: var(--brand); color: #ffffff; filter: brightness(0.85); }
.site-header .logo { display: block; height: 3rem; width: auto; max-width: 16rem; object-fit: contain; background: #ffffff; padding: 0.25rem; border-radius: var(--radius); }

.site-nav { background: var(--surface); border-bottom: 1px solid var(--line); }
.site-nav ul { display: flex; flex-wrap: wrap; gap: 0 1.5rem; margin: 0; padding: 0; list-style: none; }
.site-nav a {
  display: inline-block;
  padding: 0.75rem 0 calc(0.75rem - 3px);
  border-bottom: 3px solid transparent;
  color: var(--text);
  text-decoration: none;
}
.site-nav a:hover { color: var(--accent); border-bottom-color: var(--line); }
.site-nav a[aria-current="page"] { color: var(--accent); border-bottom-color: var(--accent); font-weight: 600; }

main { flex: 1; padding: 2.5rem 0 3rem; }
.eyebrow { margin: 0 0 0.25rem; color: var(--muted); font-size: 0.95rem; font-weight: 600; letter-spacing: 0.02em; }
.lead { color: var(--muted); font-size: 1.1rem; max-width: 42rem; }
section { margin-top: 2.5rem; }

.counters { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 1rem; margin: 0; }
.counter {
  padding: 1.25rem 1.5rem;
  background: var(--surface);
  border: 1px solid var(--line);
  border-left: 4px solid var(--accent);
  border-radius: var(--radius);
}
.counter dt { color: var(--muted); font-size: 0.95rem; }
.counter dd { margin: 0.25rem 0 0; font-size: 2rem; font-weight: 600; line-height: 1.2; font-variant-numeric: tabular-nums; }

.list { margin: 0; padding: 0; list-style: none; background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); }
.list > li { padding: 1rem 1.25rem; border-top: 1px solid var(--line); }
.list > li:first-child { border-top: 0; }
.list .title { font-weight: 600; font-size: 1.05rem; }
.list .meta { margin: 0.15rem 0 0; color: var(--muted); font-size: 0.95rem; }
.list p:last-child { margin-bottom: 0; }
.activity > li { display: grid; grid-template-columns: 11rem 1fr; gap: 0.25rem 1.25rem; }
.activity time { color: var(--muted); font-size: 0.95rem; font-variant-numeric: tabular-nums; }
.activity .kind { font-weight: 600; margin-right: 0.5rem; }
.empty {
  padding: 1.25rem 1.5rem;
  background: var(--surface);
  border: 1px dashed var(--control);
  border-radius: var(--radius);
  color: var(--muted);
  max-width: 42rem;
}

.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.35rem 1.5rem; margin: 0 0 2rem; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.prose { max-width: 42rem; overflow-wrap: anywhere; }
.themes h3 { margin-bottom: 0.25rem; }

.panel {
  max-width: 40rem;
  padding: 2rem;
  background: var(--surface);
  border: 1px solid var(--line);
  border-radius: var(--radius);
}
.detail { color: var(--muted); font-size: 0.95rem; }

/* Tables and forms of the directory (organisations, contacts, import). Error red #8a1c1c: 8.3:1 on
   #ffffff, 7.5:1 on its tint #fbeeee; the duplicate amber text #6b4500: 8.0:1 on its tint #fff6e0. */
.table-wrap { overflow-x: auto; background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); margin-bottom: 2rem; }
.data-table { width: 100%; border-collapse: collapse; font-size: 0.95rem; }
.data-table caption { padding: 0.75rem 1rem; text-align: left; color: var(--muted); font-weight: 600; }
.data-table th, .data-table td { padding: 0.6rem 1rem; border-top: 1px solid var(--line); text-align: left; vertical-align: top; }
.data-table thead th { background: var(--accent-tint); font-weight: 600; }
.data-table tbody th { font-weight: 600; }
.data-table .num { text-align: right; font-variant-numeric: tabular-nums; }
.data-table .meta { display: block; color: var(--muted); font-size: 0.9rem; }
.nowrap { white-space: nowrap; }
.email { overflow-wrap: anywhere; }
.tags { display: flex; flex-wrap: wrap; gap: 0.25rem; margin: 0; padding: 0; list-style: none; }
.tag { padding: 0 0.5rem; border: 1px solid var(--control); border-radius: 999px; font-size: 0.85rem; white-space: nowrap; }
.status { font-weight: 600; white-space: nowrap; }
.row-error td, .row-error th { background: #fbeeee; }
.row-error .status, .note-error strong { color: #8a1c1c; }
.row-duplicate td, .row-duplicate th { background: #fff6e0; }
.row-duplicate .status { color: #6b4500; }
.note-warning strong { color: #6b4500; }
.notes { margin: 0; padding-left: 1.1rem; }
.import-counters { grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); margin-bottom: 1rem; }
.import-counters .counter dd { font-size: 1.5rem; }
.commit-panel { margin: 1.5rem 0 2rem; }
.stacked-form { max-width: 42rem; }
.form-field { display: grid; gap: 0.35rem; margin-bottom: 1.25rem; }
.hint { margin: 0; color: var(--muted); font-size: 0.95rem; }
.basis-hints { padding-left: 1.1rem; }
textarea, input[type="search"], input[type="file"] { font: inherit; font-size: 0.95rem; color: var(--text); }
textarea { width: 100%; min-height: 12rem; padding: 0.5rem; border: 1px solid var(--control); border-radius: var(--radius); font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
input[type="search"] { min-height: 2.5rem; padding: 0.35rem 0.5rem; border: 1px solid var(--control); border-radius: var(--radius); }
.filter { margin: 0 0 1.5rem; }
.notice { max-width: 42rem; padding: 1rem 1.25rem; border-left: 4px solid var(--accent); background: var(--accent-tint); border-radius: var(--radius); }
.notice p { margin: 0.25rem 0; }
.notice-error { border-left-color: #8a1c1c; background: #fbeeee; }

/* Console forms (the Field components of every capability): a label above its control, groups in
   fieldsets, errors summarised at the top and named at the field. One set for every page: the
   privacy and settings pages had none and laid their fields out inline. */
/* A fieldset is as wide as its widest control by default (min-width: min-content): a select of long
   organisation names would push the page sideways on a phone. */
fieldset { min-width: 0; }
.event-form fieldset { margin: 0 0 1.5rem; padding: 1rem 1.25rem 0.5rem; background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); max-width: 42rem; }
.event-form legend { padding: 0 0.4rem; font-weight: 600; font-size: 1.1rem; }
.field { margin: 0 0 1rem; display: flex; flex-direction: column; gap: 0.25rem; max-width: 42rem; }
.field input, .field textarea, .field select { box-sizing: border-box; font: inherit; padding: 0.45rem 0.6rem; border: 1px solid var(--control); border-radius: var(--radius); background: var(--surface); color: var(--text); max-width: 100%; }
.field textarea { width: 100%; }
.field input[type="text"], .field input[type="email"], .field input[type="url"] { width: 100%; }
.field.has-error input, .field.has-error textarea, .field.has-error select { border: 2px solid #a4262c; }
.check { display: flex; align-items: center; gap: 0.5rem; margin: 0 0 0.6rem; }
.check input { width: 1.15rem; height: 1.15rem; }
.check label { font-weight: 400; }
.error-summary { margin: 0 0 1.5rem; padding: 1rem 1.25rem; border: 3px solid #a4262c; background: var(--surface); border-radius: var(--radius); max-width: 42rem; }
.error-summary h2 { font-size: 1.15rem; }
.error-summary ul { margin: 0; padding-left: 1.25rem; }
.error-summary a { color: #a4262c; font-weight: 600; }

/* Public answer forms (RSVP): large touch targets, errors in text and colour. */
.rsvp-form fieldset { border: 1px solid var(--line); border-radius: var(--radius); padding: 0.75rem 1rem; margin: 0 0 1.25rem; }
.rsvp-form legend { font-weight: 600; padding: 0 0.25rem; }
.rsvp-form label { display: block; font-weight: 600; margin: 0.5rem 0 0.25rem; }
.rsvp-form label.choice, label.choice { display: flex; gap: 0.6rem; align-items: center; font-weight: 400; min-height: 2.75rem; }
.rsvp-form input[type="text"], .rsvp-form input[type="email"], .rsvp-form input[type="number"], .panel input[type="text"], .panel input[type="email"] { font: inherit; width: 100%; max-width: 28rem; min-height: 2.75rem; padding: 0.35rem 0.6rem; border: 1px solid var(--control); border-radius: var(--radius); }
.rsvp-form textarea { min-height: 5rem; font-family: inherit; }
input[type="radio"], input[type="checkbox"] { width: 1.25rem; height: 1.25rem; accent-color: var(--accent); }
[aria-invalid="true"] { border-color: #8a1c1c !important; box-shadow: 0 0 0 1px #8a1c1c; }
.field-error { color: #8a1c1c; font-weight: 600; margin: 0.35rem 0 0; }
.field-error::before { content: "⚠ "; }
.mail-preview { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.9rem; background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: 1rem; max-width: 42rem; }
.agenda { padding-left: 1.1rem; }
.agenda li { margin: 0.25rem 0; }
.inline-links { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; padding: 0; list-style: none; }
.inline-links a { display: inline-block; min-height: 2.75rem; line-height: 2.75rem; }
.button-secondary { background: var(--surface); color: var(--accent); border: 2px solid var(--accent); }

.site-footer { border-top: 1px solid var(--line); background: var(--surface); color: var(--muted); font-size: 0.9rem; }
.site-footer .wrap { padding-top: 1.25rem; padding-bottom: 1.25rem; }
.site-footer p { margin: 0; }

@media (max-width: 43.75rem) {
  h1 { font-size: 1.6rem; }
  .wrap { padding: 0 1rem; }
  main { padding: 1.75rem 0 2rem; }
  .site-header .wrap, .account { flex-direction: column; align-items: flex-start; }
  .counters, .activity > li, .facts { grid-template-columns: 1fr; }
  .facts dd { margin-bottom: 0.5rem; }
  .panel { padding: 1.25rem; }
}

@media print {
  .skip-link, .site-nav, .account { display: none; }
  body { background: #ffffff; }
}
`;
