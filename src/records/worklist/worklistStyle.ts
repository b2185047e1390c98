/** The host's dark theme (OHIF 3.13's own variables and values), for a page served beside the viewer. */
export const WORKLIST_STYLE = `
:root { color-scheme: dark; --background: 0 0% 0%; --foreground: 0 0% 98%; --card: 234 64% 10%; --popover: 219 90% 15%; --primary: 214 98% 60%; --secondary: 214 65% 36%; --secondary-foreground: 200 50% 84%; --muted-foreground: 200 46% 65%; --accent: 217 79% 24%; --input: 236 52% 30%; --border: 0 0% 14.9%; --highlight: 191 74% 63%; }
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; background: hsl(var(--background)); color: hsl(var(--foreground)); font: 14px/1.45 Inter, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", system-ui, sans-serif; }
a { color: hsl(var(--primary)); text-decoration: none; }
a:hover { text-decoration: underline; }
.top { position: sticky; top: 0; z-index: 1; display: flex; align-items: center; gap: 20px; height: 52px; padding: 0 16px; background: hsl(var(--background)); border-bottom: 1px solid hsl(var(--border)); }
.brand { display: flex; align-items: baseline; gap: 8px; white-space: nowrap; }
.brand .logo { font-size: 20px; font-weight: 700; letter-spacing: 0.04em; color: hsl(var(--foreground)); }
.brand .product { font-size: 15px; color: hsl(var(--highlight)); }
.top h1 { margin: 0; font-size: 15px; font-weight: 400; color: hsl(var(--muted-foreground)); white-space: nowrap; }
.top .spacer { flex: 1 1 auto; }
.top .account { display: flex; align-items: center; gap: 12px; white-space: nowrap; color: hsl(var(--muted-foreground)); font-size: 13px; }
.top .account .name { color: hsl(var(--foreground)); }
.layout { display: grid; gap: 16px; padding: 16px; max-width: 1600px; margin: 0 auto; align-items: start; }
.layout--side { grid-template-columns: minmax(0, 1fr) 360px; }
.column { display: flex; flex-direction: column; gap: 16px; min-width: 0; }
.card { background: hsl(var(--card)); border-radius: 8px; padding: 12px 16px 14px; }
.card h2 { margin: 0 0 10px; font-size: 15px; font-weight: 500; color: hsl(var(--highlight)); display: flex; align-items: center; gap: 8px; }
.count { min-width: 22px; padding: 0 6px; border-radius: 10px; background: hsl(var(--popover)); color: hsl(var(--muted-foreground)); font-size: 12px; text-align: center; }
table.list { width: 100%; border-collapse: collapse; }
table.list th { text-align: left; font-weight: 400; font-size: 12px; color: hsl(var(--muted-foreground)); padding: 4px 8px; border-bottom: 1px solid hsl(var(--input)); white-space: nowrap; }
table.list td { padding: 7px 8px; border-bottom: 1px solid hsl(var(--input) / 0.45); vertical-align: middle; overflow-wrap: anywhere; }
table.list tbody tr:hover { background: hsl(var(--accent) / 0.45); }
table.list tr.row--new td:first-child { box-shadow: inset 3px 0 0 hsl(var(--highlight)); }
table.list tr.row--highlight { background: hsl(var(--primary) / 0.16); }
table.list tr.row--retired td { color: hsl(var(--muted-foreground)); }
td.nowrap, th.nowrap { white-space: nowrap; }
table.list td.number, table.list th.number { text-align: right; font-variant-numeric: tabular-nums; }
td.title { min-width: 160px; }
td.actions { text-align: right; white-space: nowrap; }
td.actions > * + * { margin-left: 6px; }
.sub { display: block; font-size: 12px; color: hsl(var(--muted-foreground)); }
.suggestion-head .sub { display: inline; margin-left: 8px; }
.quiet { color: hsl(var(--muted-foreground)); font-size: 12px; }
.score { font-variant-numeric: tabular-nums; }
.band { margin-left: 6px; color: hsl(var(--highlight)); }
.tag { display: inline-block; margin-left: 6px; padding: 0 6px; border-radius: 3px; font-size: 11px; line-height: 18px; vertical-align: 1px; white-space: nowrap; }
.tag--new { background: hsl(var(--highlight)); color: hsl(var(--background)); font-weight: 600; }
.tag--turn { background: hsl(38 92% 62% / 0.18); color: hsl(38 92% 70%); }
.tag--retired { background: hsl(var(--input)); color: hsl(var(--muted-foreground)); }
.phase--scheduled { color: hsl(var(--muted-foreground)); }
.phase--inProgress { color: hsl(var(--primary)); }
.phase--signedOff { color: hsl(142 60% 55%); }
.button { display: inline-flex; align-items: center; justify-content: center; height: 28px; padding: 0 10px; border: 0; border-radius: 4px; background: hsl(var(--secondary)); color: hsl(var(--secondary-foreground)); font: inherit; font-size: 13px; cursor: pointer; white-space: nowrap; text-decoration: none; }
.button:hover { filter: brightness(1.15); text-decoration: none; }
.button:disabled, .button--disabled { opacity: 0.45; cursor: default; filter: none; }
.button--primary { background: hsl(var(--primary)); color: #fff; }
.button--ghost { background: transparent; color: hsl(var(--primary)); }
.button--wide { width: 100%; height: 34px; margin-top: 14px; font-size: 14px; }
.top .button--ghost { padding: 0 4px; }
.more { display: inline-block; margin-top: 8px; font-size: 13px; }
.empty { margin: 4px 0; color: hsl(var(--muted-foreground)); }
.hint { margin: 6px 0 10px; font-size: 12px; line-height: 1.5; color: hsl(var(--muted-foreground)); }
.form label { display: block; margin: 10px 0 4px; font-size: 13px; color: hsl(var(--muted-foreground)); }
input, select { width: 100%; height: 32px; padding: 0 8px; border-radius: 4px; border: 1px solid hsl(var(--input)); background: hsl(var(--background)); color: hsl(var(--foreground)); font: inherit; font-size: 13px; }
input:focus, select:focus { outline: none; border-color: hsl(var(--primary)); }
[aria-invalid="true"] { border-color: hsl(0 84% 66%); }
.filters { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 8px 10px; margin: 0 0 10px; }
.filters label { display: flex; flex-direction: column; gap: 3px; font-size: 12px; color: hsl(var(--muted-foreground)); min-width: 110px; }
.filters label.grow { flex: 1 1 200px; }
.filters .button { height: 32px; }
.error { display: block; margin: 10px 0 0; padding: 6px 10px; border-radius: 4px; background: hsl(0 62.8% 30.6% / 0.35); color: hsl(0 90% 80%); font-size: 13px; }
td .error { margin: 4px 0 0; padding: 2px 6px; font-size: 12px; }
.error[hidden] { display: none; }
.notice--done { margin: 0 0 8px; padding: 6px 10px; border-radius: 4px; background: hsl(142 60% 30% / 0.35); color: hsl(142 60% 80%); font-size: 13px; }
.paging { display: flex; align-items: center; justify-content: flex-end; gap: 12px; margin-top: 10px; font-size: 13px; color: hsl(var(--muted-foreground)); }
.suggestions { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.suggestion { padding: 8px 10px; border-radius: 4px; background: hsl(var(--popover) / 0.6); }
.suggestion .title { color: hsl(var(--foreground)); }
.suggestion .reasons { margin: 4px 0 8px; padding-left: 18px; font-size: 12px; color: hsl(var(--muted-foreground)); }
.tag[hidden], .button[hidden] { display: none; }
table.categories { table-layout: fixed; }
table.categories th:nth-child(1) { width: 22%; }
table.categories th:nth-child(2), table.categories th:nth-child(3) { width: 25%; }
table.categories th:nth-child(4) { width: 8%; }
table.categories td { padding: 4px 8px; }
table.categories input { height: 28px; }
table.categories tr.row--retired input { color: hsl(var(--muted-foreground)); }
table.list tr.row--invalid td:first-child { box-shadow: inset 3px 0 0 hsl(0 84% 66%); }
.category-id { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: hsl(var(--muted-foreground)); }
.category-add { margin: 12px 0 0; }
.category-add label { flex: 1 1 160px; }
.category-bar { display: flex; flex-wrap: wrap; align-items: center; justify-content: flex-end; gap: 8px; margin-top: 12px; }
.category-bar .quiet, .category-bar .notice--done { margin: 0 auto 0 0; }
@media (max-width: 1100px) { .layout--side { grid-template-columns: minmax(0, 1fr); } }
`;
