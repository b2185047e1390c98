/**
 * What the host's stylesheet lacks for this panel (the rest uses the host's own classes, see
 * hostClasses.ts), written against the host's theme variables so it follows the department's theme.
 */
export const PANEL_CSS = `
.ohif-teaching { height: 100%; display: flex; flex-direction: column; overflow: hidden; }
.ohif-teaching__scroll { flex: 1 1 auto; overflow-y: auto; }
.ohif-teaching__row:focus-visible { outline: 1px solid hsl(var(--ring)); outline-offset: -1px; }
.ohif-teaching__untitled { font-style: italic; }
.ohif-teaching__rename { display: flex; align-items: center; gap: 2px; padding: 2px 2px 2px 0; }
.ohif-teaching__input { flex: 1 1 auto; min-width: 0; height: 24px; background: hsl(var(--background)); color: hsl(var(--foreground)); border: 1px solid hsl(var(--input)); border-radius: 4px; padding: 0 6px; font-size: 14px; }
.ohif-teaching__input:focus { outline: none; border-color: hsl(var(--primary)); }
.ohif-teaching__danger:hover { color: hsl(0 84% 66%); }
.ohif-teaching__author { display: flex; align-items: center; gap: 6px; margin-top: 2px; font-size: 12px; line-height: 16px; }
.ohif-teaching__author-marker { flex: none; width: 10px; height: 10px; border-radius: 50%; box-shadow: 0 0 0 1px hsl(var(--background)); }
.ohif-teaching__empty { padding: 24px 16px; text-align: center; color: hsl(var(--muted-foreground)); display: flex; flex-direction: column; align-items: center; gap: 8px; font-size: 13px; line-height: 1.5; }
.ohif-teaching__empty-title { color: hsl(var(--foreground)); font-size: 14px; }
.ohif-teaching__empty-icon { color: hsl(var(--primary)); }
.ohif-teaching__sep { margin: 0 6px; }
.ohif-teaching__status { display: inline-flex; align-items: center; gap: 4px; min-width: 0; padding-right: 4px; white-space: nowrap; color: hsl(var(--muted-foreground)); }
.ohif-teaching__warn { color: hsl(38 92% 62%); }
.ohif-teaching__alarm { color: hsl(0 84% 66%); }
.ohif-teaching__notice { display: flex; align-items: center; gap: 8px; margin: 2px 0 4px; padding: 6px 10px; border-radius: 4px; background: hsl(var(--muted)); color: hsl(var(--muted-foreground)); font-size: 13px; line-height: 1.45; }
.ohif-teaching__notice--danger { color: hsl(var(--foreground)); box-shadow: inset 2px 0 0 hsl(0 84% 66%); }
.ohif-teaching__notice > button { flex-shrink: 0; margin-left: auto; }
.ohif-teaching__clock { font-variant-numeric: tabular-nums; }
.ohif-teaching__stepper { list-style: none; margin: 2px 0 0; padding: 0 2px; display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); gap: 2px; }
.ohif-teaching__step { width: 100%; height: 26px; border-radius: 4px; background: hsl(var(--muted)); color: hsl(var(--muted-foreground)); font-size: 13px; font-variant-numeric: tabular-nums; box-shadow: inset 0 -2px 0 var(--step-tone, hsl(var(--input))); cursor: pointer; }
.ohif-teaching__step:hover { background: hsl(var(--primary) / 0.2); }
.ohif-teaching__step:focus-visible { outline: 1px solid hsl(var(--ring)); }
.ohif-teaching__step--current { background: hsl(var(--popover)); color: hsl(var(--foreground)); }
.ohif-teaching__step--returned { --step-tone: hsl(38 92% 62%); }
.ohif-teaching__step--submitted { --step-tone: hsl(var(--primary)); }
.ohif-teaching__step--evaluated { --step-tone: hsl(142 60% 50%); }
.ohif-teaching__work-status { display: flex; align-items: center; gap: 4px; padding: 0 10px 4px; font-size: 12px; color: hsl(var(--muted-foreground)); }
.ohif-teaching__stage-scroll { flex: 0 1 auto; max-height: 60%; overflow-y: auto; border-bottom: 1px solid hsl(var(--border)); }
.ohif-teaching__stage { display: flex; flex-direction: column; gap: 6px; padding: 2px 8px 8px; }
.ohif-teaching__facts { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; font-size: 12px; color: hsl(var(--muted-foreground)); }
.ohif-teaching__facts > div { display: contents; }
.ohif-teaching__facts dd { margin: 0; color: hsl(var(--foreground)); }
.ohif-teaching__field { display: flex; flex-direction: column; gap: 3px; }
.ohif-teaching__field-head { display: flex; align-items: center; gap: 6px; font-size: 13px; color: hsl(var(--foreground)); }
.ohif-teaching__field-head > label { flex: 1 1 auto; min-width: 0; }
.ohif-teaching__tag { flex-shrink: 0; padding: 0 5px; border-radius: 3px; font-size: 11px; color: hsl(var(--primary)); background: hsl(var(--primary) / 0.15); }
.ohif-teaching__select { flex-shrink: 0; max-width: 50%; height: 22px; background: hsl(var(--background)); color: hsl(var(--foreground)); border: 1px solid hsl(var(--input)); border-radius: 4px; font-size: 12px; }
.ohif-teaching__textarea { width: 100%; resize: vertical; min-height: 36px; background: hsl(var(--background)); color: hsl(var(--foreground)); border: 1px solid hsl(var(--input)); border-radius: 4px; padding: 4px 6px; font-size: 13px; line-height: 1.4; }
.ohif-teaching__textarea:focus, .ohif-teaching__select:focus { outline: none; border-color: hsl(var(--primary)); }
.ohif-teaching__textarea[readonly] { border-color: transparent; background: hsl(var(--muted)); }
.ohif-teaching__series { border-radius: 4px; background: hsl(var(--muted)); padding: 3px 8px; font-size: 12px; }
.ohif-teaching__series > summary { cursor: pointer; color: hsl(var(--foreground)); font-size: 13px; }
.ohif-teaching__series > dl { margin-top: 4px; }
.ohif-teaching__unrecorded { font-style: italic; color: hsl(var(--muted-foreground)) !important; }
.ohif-teaching__select--wide { max-width: 100%; width: 100%; }
.ohif-teaching__finding { display: flex; flex-direction: column; gap: 3px; padding: 5px 6px; border-radius: 4px; background: hsl(var(--muted)); }
.ohif-teaching__finding--selected { box-shadow: inset 2px 0 0 hsl(var(--highlight, var(--primary))); background: hsl(var(--popover)); }
.ohif-teaching__hint { font-size: 12px; line-height: 1.45; color: hsl(var(--muted-foreground)); }
.ohif-teaching__scoring { border-top: 1px solid hsl(var(--border)); padding-top: 6px; }
.ohif-teaching__score { flex: 0 0 64px; width: 64px; }
.ohif-teaching__actions { display: flex; justify-content: flex-end; }
.ohif-teaching__prior { display: flex; flex-direction: column; gap: 4px; padding: 5px 6px; border-radius: 4px; background: hsl(var(--muted)); }
.ohif-teaching__prior-name { flex: 1 1 auto; min-width: 0; overflow-wrap: anywhere; font-size: 12px; color: hsl(var(--muted-foreground)); }
.ohif-teaching__prior .ohif-teaching__notice { margin: 0; padding: 4px 0 0; background: none; }
.ohif-teaching__sign-off { display: flex; flex-direction: column; gap: 2px; padding: 2px 8px 4px; }
.ohif-teaching__signed { margin: 2px 8px 4px; }
.ohif-teaching__stacked { flex-wrap: wrap; }
.ohif-teaching__stacked > :first-child { flex: 1 1 100%; }
.ohif-teaching__stacked > :last-child { margin-left: auto; }
.ohif-teaching__summary-line { font-size: 13px; }
.ohif-teaching__buttons { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: 2px; flex-shrink: 0; }
.ohif-teaching__as-signed { font-size: 12px; color: hsl(38 92% 62%); }
.ohif-teaching__summary-text { font-size: 13px; color: hsl(var(--foreground)); white-space: pre-wrap; overflow-wrap: anywhere; }
.ohif-teaching__summary-stages { display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); gap: 2px; font-size: 11px; text-align: center; color: hsl(var(--muted-foreground)); font-variant-numeric: tabular-nums; }
.ohif-teaching__summary-stages > div { padding: 2px 0; border-radius: 4px; background: hsl(var(--muted)); }
.ohif-teaching__amend { display: flex; flex-direction: column; gap: 6px; }
.ohif-teaching__check { display: flex; align-items: flex-start; gap: 6px; font-size: 13px; color: hsl(var(--foreground)); }
.ohif-teaching__check > input { margin-top: 3px; flex-shrink: 0; }
.ohif-teaching__notice--stand-in { margin: 2px 8px 4px; color: hsl(var(--foreground)); background: hsl(var(--primary) / 0.15); box-shadow: inset 2px 0 0 hsl(var(--primary)); }
.ohif-teaching__line { display: block; }
.ohif-teaching__stand-in-open { display: flex; justify-content: flex-end; padding: 0 4px 2px; }
.ohif-teaching__stand-in-form { border-bottom: 1px solid hsl(var(--border)); }
.ohif-teaching__stage-title { padding: 4px 10px 6px; font-size: 13px; color: hsl(var(--muted-foreground)); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.ohif-teaching__questions { border-top: 1px solid hsl(var(--border)); padding-top: 6px; }
.ohif-teaching__question { display: flex; flex-direction: column; gap: 3px; padding: 5px 6px; border-radius: 4px; background: hsl(var(--muted)); }
.ohif-teaching__question-text { flex: 1 1 auto; min-width: 0; overflow-wrap: anywhere; }
.ohif-teaching__sheet { display: flex; flex-direction: column; gap: 6px; }
.ohif-teaching__sheet-name { font-size: 12px; line-height: 1.45; color: hsl(var(--foreground)); }
.ohif-teaching__sheet-section { display: flex; flex-direction: column; gap: 2px; }
.ohif-teaching__sheet-section-head { display: flex; align-items: center; gap: 6px; padding: 3px 6px; border-radius: 4px; background: hsl(var(--popover)); font-size: 13px; color: hsl(var(--foreground)); }
.ohif-teaching__sheet-number { flex-shrink: 0; font-variant-numeric: tabular-nums; white-space: nowrap; }
.ohif-teaching__sheet-item { display: flex; flex-direction: column; gap: 2px; padding: 3px 6px; border-radius: 4px; background: hsl(var(--muted)); }
.ohif-teaching__sheet-item--unscored { box-shadow: inset 2px 0 0 hsl(var(--input)); }
.ohif-teaching__sheet-label { font-size: 12px; line-height: 1.4; color: hsl(var(--foreground)); overflow-wrap: anywhere; }
.ohif-teaching__sheet-max { flex-shrink: 0; white-space: nowrap; }
.ohif-teaching__sheet-total { position: sticky; top: 0; z-index: 1; display: flex; flex-direction: column; gap: 2px; padding: 4px 6px; border-radius: 4px; background: hsl(var(--popover)); box-shadow: 0 1px 0 hsl(var(--border)); font-size: 13px; }
.ohif-teaching__vetoes { display: flex; flex-direction: column; gap: 3px; padding: 4px 6px 6px; border-radius: 4px; border: 1px solid hsl(0 84% 66% / 0.45); }
.ohif-teaching__vetoes--vetoed { border-color: hsl(0 84% 66%); background: hsl(0 84% 66% / 0.08); }
.ohif-teaching__veto { display: flex; align-items: flex-start; gap: 6px; padding: 2px 4px; border-radius: 3px; font-size: 12px; line-height: 1.4; color: hsl(var(--foreground)); cursor: pointer; }
.ohif-teaching__veto > input { margin-top: 2px; flex-shrink: 0; }
.ohif-teaching__veto--ticked { background: hsl(0 84% 66% / 0.2); box-shadow: inset 2px 0 0 hsl(0 84% 66%); }
.ohif-teaching__actions { flex-wrap: wrap; }
.ohif-teaching__picker { display: flex; flex-direction: column; gap: 3px; padding: 4px; border-radius: 4px; background: hsl(var(--popover)); box-shadow: inset 0 0 0 1px hsl(var(--primary) / 0.6); }
.ohif-teaching__picker-list { list-style: none; margin: 0; padding: 0; max-height: 180px; overflow-y: auto; overflow-x: hidden; }
.ohif-teaching__picker-option { display: flex; align-items: baseline; gap: 8px; min-width: 0; padding: 2px 6px; border-radius: 3px; cursor: pointer; font-size: 13px; color: hsl(var(--muted-foreground)); overflow-wrap: anywhere; }
.ohif-teaching__picker-option--active { background: hsl(var(--primary) / 0.25); color: hsl(var(--foreground)); }
.ohif-teaching__picker-zh { flex-shrink: 0; color: hsl(var(--foreground)); }
.ohif-teaching__picker-en { min-width: 0; }
.ohif-teaching__prep { border-bottom: 1px solid hsl(var(--border)); }
.ohif-teaching__prep > summary { cursor: pointer; display: flex; align-items: center; gap: 6px; padding: 4px 10px; font-size: 13px; color: hsl(var(--muted-foreground)); list-style: none; }
.ohif-teaching__prep > summary::-webkit-details-marker { display: none; }
.ohif-teaching__prep > summary::before { content: '▸'; font-size: 11px; }
.ohif-teaching__prep[open] > summary::before { content: '▾'; }
.ohif-teaching__check { display: flex; align-items: flex-start; gap: 6px; font-size: 13px; line-height: 1.4; color: hsl(var(--foreground)); }
.ohif-teaching__input[type='datetime-local'] { color-scheme: dark; }
.ohif-teaching__check > input { flex-shrink: 0; margin-top: 3px; accent-color: hsl(var(--primary)); }
.ohif-teaching__prep-head { display: flex; flex-direction: column; padding: 0 4px 2px; border-bottom: 1px solid hsl(var(--border)); }
.ohif-teaching__prep-bar { display: flex; align-items: center; gap: 6px; min-width: 0; padding: 2px 0 2px 6px; font-size: 13px; }
.ohif-teaching__prep-name { flex: 0 1 auto; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: hsl(var(--foreground)); }
.ohif-teaching__prep-bar > .ohif-teaching__status { flex: 1 1 auto; min-width: 0; overflow: hidden; text-overflow: ellipsis; }
.ohif-teaching__prep-bar > button { flex-shrink: 0; }
.ohif-teaching__prep-head > .ohif-teaching__notice { margin: 2px 4px 4px; }
.ohif-teaching__prep-form { flex: 1 1 auto; max-height: none; overflow-x: hidden; }
.ohif-teaching__prep-drawings { flex: 0 0 auto; max-height: 28%; }
.ohif-teaching__field-problem { font-size: 12px; line-height: 1.4; color: hsl(0 84% 70%); overflow-wrap: anywhere; }
.ohif-teaching__field-pair { display: flex; gap: 6px; min-width: 0; }
.ohif-teaching__field-pair > .ohif-teaching__field { flex: 1 1 auto; min-width: 0; }
.ohif-teaching__field-pair > .ohif-teaching__field--narrow { flex: 0 0 64px; }
.ohif-teaching__chips { display: flex; flex-wrap: wrap; align-items: center; gap: 4px; min-width: 0; }
.ohif-teaching__chip { display: inline-flex; align-items: center; gap: 4px; max-width: 100%; min-width: 0; height: 22px; padding: 0 2px 0 6px; border-radius: 11px; background: hsl(var(--popover)); box-shadow: inset 0 0 0 1px rgb(255 190 60 / 0.55); font-size: 12px; color: hsl(var(--foreground)); }
.ohif-teaching__chip-name { min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; background: none; color: inherit; cursor: pointer; }
.ohif-teaching__chip-name:hover { color: hsl(var(--primary)); }
.ohif-teaching__chip-remove { display: inline-flex; flex-shrink: 0; align-items: center; justify-content: center; width: 18px; height: 18px; border-radius: 9px; background: none; color: hsl(var(--muted-foreground)); cursor: pointer; }
.ohif-teaching__chip-remove:hover { background: hsl(var(--primary) / 0.25); color: hsl(var(--foreground)); }
.ohif-teaching__chip-remove svg { width: 12px; height: 12px; }
.ohif-teaching__chips > .ohif-teaching__select { max-width: 100%; min-width: 0; }
.ohif-teaching__prior-study { display: flex; flex-wrap: wrap; align-items: baseline; gap: 2px 6px; min-width: 0; }
.ohif-teaching__offer { display: flex; flex-direction: column; gap: 6px; margin: 4px 8px; padding: 8px 10px; border-radius: 4px; background: hsl(var(--muted)); font-size: 13px; }
.ohif-teaching__offer-case { display: flex; align-items: center; gap: 6px; min-width: 0; }
.ohif-teaching__comparison { border-top: 1px solid hsl(var(--border)); padding-top: 6px; }
.ohif-teaching__compared-heading { font-size: 12px; color: hsl(var(--muted-foreground)); text-transform: none; padding-top: 2px; }
.ohif-teaching__compared { display: flex; flex-direction: column; gap: 1px; padding: 4px 6px; border-radius: 4px; background: hsl(var(--muted)); min-width: 0; }
.ohif-teaching__compared[role='button'] { cursor: pointer; }
.ohif-teaching__compared[role='button']:hover { background: hsl(var(--primary) / 0.2); }
.ohif-teaching__compared-text { flex: 1 1 auto; min-width: 0; overflow-wrap: anywhere; }
.ohif-teaching__compared > .ohif-teaching__field-head > .ohif-teaching__compared-text { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; overflow: hidden; }
.ohif-teaching__compared-sub { display: flex; align-items: baseline; justify-content: space-between; gap: 8px; min-width: 0; }
.ohif-teaching__compared-value { flex-shrink: 0; font-size: 12px; font-variant-numeric: tabular-nums; white-space: nowrap; color: hsl(var(--foreground)); }
.ohif-teaching__mark { flex-shrink: 0; padding: 0 5px; border-radius: 3px; font-size: 11px; line-height: 16px; border: 1px solid currentColor; }
.ohif-teaching__mark--missed, .ohif-teaching__mark--extra, .ohif-teaching__mark--uncompared { border-style: dashed; }
.ohif-teaching__compared-beside { padding: 3px 6px; border-radius: 4px; box-shadow: inset 2px 0 0 hsl(var(--input)); }
.ohif-teaching__compared-list { margin: 0; padding-left: 16px; font-size: 12px; line-height: 1.45; color: hsl(var(--foreground)); overflow-wrap: anywhere; }
`;

const STYLE_ID = 'ohif-teaching-styles';

export function ensurePanelStyles(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = PANEL_CSS;
  doc.head.appendChild(style);
}
