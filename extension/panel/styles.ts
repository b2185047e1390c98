/**
 * The panel's look, written against the host's own theme variables (ui-next's HSL tokens) so it
 * follows whatever theme the department's viewer uses. Scoped under `.ohif-teaching`.
 */
export const PANEL_CSS = `
.ohif-teaching { height: 100%; display: flex; flex-direction: column; color: hsl(var(--foreground)); font-size: 13px; line-height: 1.35; background: hsl(var(--background)); }
.ohif-teaching * { box-sizing: border-box; }
.ohif-teaching__header { display: flex; align-items: center; justify-content: space-between; height: 36px; padding: 0 8px 0 12px; background: hsl(var(--muted)); border-bottom: 1px solid hsl(var(--border)); flex: none; }
.ohif-teaching__title { font-size: 13px; font-weight: 500; color: hsl(var(--foreground)); display: flex; gap: 6px; align-items: baseline; }
.ohif-teaching__count { color: hsl(var(--muted-foreground)); font-weight: 400; }
.ohif-teaching__lang { background: transparent; border: 1px solid hsl(var(--input)); color: hsl(var(--primary)); border-radius: 4px; padding: 1px 8px; font-size: 12px; cursor: pointer; }
.ohif-teaching__lang:hover { background: hsl(var(--primary) / 0.15); }
.ohif-teaching__list { list-style: none; margin: 0; padding: 4px 0; overflow-y: auto; flex: 1 1 auto; }
.ohif-teaching__row { position: relative; display: flex; gap: 8px; padding: 6px 8px 6px 8px; margin: 1px 4px; border-radius: 4px; cursor: pointer; background: hsl(var(--muted) / 0.35); border: 1px solid transparent; }
.ohif-teaching__row:hover { background: hsl(var(--primary) / 0.12); }
.ohif-teaching__row[aria-selected="true"] { background: hsl(var(--primary) / 0.2); border-color: hsl(var(--primary) / 0.6); }
.ohif-teaching__index { flex: none; width: 20px; height: 20px; border-radius: 3px; display: grid; place-items: center; font-size: 11px; color: hsl(var(--muted-foreground)); background: hsl(var(--muted)); }
.ohif-teaching__row[aria-selected="true"] .ohif-teaching__index { background: hsl(var(--primary)); color: hsl(var(--primary-foreground)); }
.ohif-teaching__body { flex: 1 1 auto; min-width: 0; display: flex; flex-direction: column; gap: 2px; }
.ohif-teaching__line { display: flex; justify-content: space-between; gap: 8px; }
.ohif-teaching__label { color: hsl(var(--foreground)); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.ohif-teaching__label--empty { color: hsl(var(--muted-foreground)); font-style: italic; }
.ohif-teaching__value { color: hsl(var(--highlight)); white-space: nowrap; font-variant-numeric: tabular-nums; }
.ohif-teaching__meta { color: hsl(var(--muted-foreground)); font-size: 12px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.ohif-teaching__actions { display: flex; gap: 2px; align-items: flex-start; opacity: 0; transition: opacity 120ms; }
.ohif-teaching__row:hover .ohif-teaching__actions, .ohif-teaching__row:focus-within .ohif-teaching__actions, .ohif-teaching__row[aria-selected="true"] .ohif-teaching__actions { opacity: 1; }
.ohif-teaching__icon-button { background: transparent; border: 0; padding: 2px; width: 24px; height: 24px; border-radius: 4px; color: hsl(var(--primary)); cursor: pointer; display: grid; place-items: center; }
.ohif-teaching__icon-button:hover { background: hsl(var(--primary) / 0.2); }
.ohif-teaching__icon-button--danger:hover { color: hsl(0 84% 66%); background: hsl(var(--destructive) / 0.35); }
.ohif-teaching__icon-button:focus-visible, .ohif-teaching__lang:focus-visible, .ohif-teaching__row:focus-visible { outline: 2px solid hsl(var(--ring)); outline-offset: 1px; }
.ohif-teaching__rename { display: flex; gap: 4px; }
.ohif-teaching__input { flex: 1 1 auto; min-width: 0; background: hsl(var(--background)); color: hsl(var(--foreground)); border: 1px solid hsl(var(--input)); border-radius: 4px; padding: 2px 6px; font-size: 13px; }
.ohif-teaching__input:focus { outline: none; border-color: hsl(var(--primary)); }
.ohif-teaching__empty { padding: 24px 16px; text-align: center; color: hsl(var(--muted-foreground)); display: flex; flex-direction: column; align-items: center; gap: 8px; }
.ohif-teaching__empty-title { color: hsl(var(--foreground)); font-size: 14px; }
.ohif-teaching__empty-icon { color: hsl(var(--primary)); opacity: 0.8; }
`;

const STYLE_ID = 'ohif-teaching-styles';

export function ensurePanelStyles(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = PANEL_CSS;
  doc.head.appendChild(style);
}
