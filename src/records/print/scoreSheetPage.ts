import type { PrintableCriterion, PrintableForm, PrintableItem, PrintableSheet, PrintableStage } from '../../core/export';
import { escapeHtml as h } from './escapeHtml';

const FONTS = `"Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", "Noto Sans CJK SC", serif`;

/** A4 with the margins of the department's paper form; the screen shows the same page on grey. */
const STYLE = `
@page { size: A4; margin: 14mm 12mm 16mm; }
* { box-sizing: border-box; }
html { background: #e5e5e5; }
body { margin: 0; color: #000; font: 10.5pt/1.45 ${FONTS}; }
main { width: 210mm; min-height: 297mm; margin: 12px auto; padding: 14mm 12mm 16mm; background: #fff; box-shadow: 0 2px 12px rgb(0 0 0 / 0.25); }
h1 { margin: 0 0 2mm; text-align: center; font-size: 16pt; letter-spacing: 0.05em; }
h2 { break-after: avoid; margin: 5mm 0 1.5mm; font-size: 12pt; border-bottom: 1.5px solid #000; padding-bottom: 0.5mm; }
h3 { margin: 3mm 0 1mm; font-size: 10.5pt; break-after: avoid; }
section { break-inside: avoid; }
p.meta { margin: 0 0 3mm; text-align: center; font-size: 8.5pt; color: #333; }
table { width: 100%; border-collapse: collapse; margin: 0 0 1.5mm; page-break-inside: auto; }
tr { page-break-inside: avoid; }
th, td { border: 0.75px solid #000; padding: 0.8mm 1.5mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #f0f0f0; font-weight: 600; }
td.number, th.number { text-align: center; white-space: nowrap; width: 15mm; }
table.header th { width: 32mm; overflow-wrap: normal; }
.notes td:first-child { width: 24mm; font-weight: 600; background: #f7f7f7; }
.signed { color: #555; font-size: 8.5pt; white-space: nowrap; }
.signed s { color: #555; }
.total td { font-weight: 700; }
.tick { font-family: "DejaVu Sans", sans-serif; }
table.amendments th:nth-child(1), table.amendments th:nth-child(2) { width: 26mm; }
table.amendments th:nth-child(3) { width: 50mm; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; margin-top: 4mm; }
.signatures div { border-bottom: 0.75px solid #000; padding: 0 0 1mm; min-height: 9mm; }
.screen-only { text-align: center; margin: 12px; }
.screen-only button { font: inherit; padding: 6px 18px; }
@media print {
  html { background: none; }
  main { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  .screen-only { display: none; }
}
`;

const blank = (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? '' : h(typeof value === 'number' ? round(value) : value));
const round = (value: number) => String(Math.round(value * 100) / 100);

/** A figure an amendment changed, with the signed one beside it, struck through but legible. */
function withSigned(now: string, signed: string | undefined, heading: string): string {
  return signed === undefined ? now : `${now} <span class="signed">(${h(heading)}: <s>${signed}</s>)</span>`;
}

function criterionScore(criterion: PrintableCriterion, form: PrintableForm): string {
  const shown = (values: Partial<PrintableCriterion>) =>
    values.notApplicable ? h(form.headings.notApplicable) : `${blank(values.score ?? null)}${values.level ? ` ${h(values.level)}` : ''}`;
  const signed = criterion.asSigned && (criterion.asSigned.score !== undefined || criterion.asSigned.notApplicable !== undefined || criterion.asSigned.level !== undefined) ? shown({ ...criterion, ...criterion.asSigned }) : undefined;
  return withSigned(shown(criterion), signed, form.headings.asSigned);
}

function stageTable(stage: PrintableStage, form: PrintableForm): string {
  const { headings } = form;
  const total = stage.complete ? blank(stage.score) : `${blank(stage.score)} (${h(headings.incomplete)})`;
  const signedTotal = stage.asSigned?.score !== undefined ? blank(stage.asSigned.score) : undefined;
  const rows =
    stage.scoredOn === 'reportSheet'
      ? `<tr><td colspan="4">${h(headings.scoredOnSheet)}</td></tr>`
      : stage.criteria
          .map(criterion => {
            const remark = withSigned(blank(criterion.remark), criterion.asSigned?.remark !== undefined ? blank(criterion.asSigned.remark) : undefined, headings.asSigned);
            return `<tr data-criterion="${h(criterion.id)}"><td>${h(criterion.label)}</td><td class="number">${criterion.max}</td><td class="number">${criterionScore(criterion, form)}</td><td>${remark}</td></tr>`;
          })
          .join('');
  const note = (label: string, key: 'remark' | 'feedback' | 'guidance') =>
    `<tr><td>${h(label)}</td><td>${withSigned(blank(stage[key]), stage.asSigned?.[key] !== undefined ? blank(stage.asSigned[key]) : undefined, headings.asSigned)}</td></tr>`;
  return `<section data-stage="${h(stage.stage)}">
<h3>${h(stage.stage)} ${h(stage.title)} · ${h(headings.status)}: ${h(stage.status)}</h3>
<table><thead><tr><th>${h(headings.criterion)}</th><th class="number">${h(headings.max)}</th><th class="number">${h(headings.score)}</th><th>${h(headings.remark)}</th></tr></thead>
<tbody>${rows}
<tr class="total"><td>${h(headings.stageTotal)}</td><td class="number">${stage.max}</td><td class="number" data-stage-total="${h(stage.stage)}">${withSigned(total, signedTotal, headings.asSigned)}</td><td>${h(headings.evaluatedBy)}: ${blank(stage.evaluatedBy)} ${blank(stage.evaluatedAt)}</td></tr>
</tbody></table>
<table class="notes">${note(headings.remark, 'remark')}${note(headings.feedback, 'feedback')}${note(headings.guidance, 'guidance')}</table>
</section>`;
}

function itemScore(item: PrintableItem, sheet: PrintableSheet, form: PrintableForm): string {
  const shown = (values: Partial<PrintableItem>) => {
    if (values.notApplicable) return h(form.headings.notApplicable);
    return sheet.scoring === 'deduct' && values.deducted !== null && values.deducted !== undefined ? `${blank(values.score ?? null)} (−${round(values.deducted)})` : blank(values.score ?? null);
  };
  const signed = item.asSigned && (item.asSigned.score !== undefined || item.asSigned.notApplicable !== undefined) ? shown({ ...item, ...item.asSigned }) : undefined;
  return withSigned(shown(item), signed, form.headings.asSigned);
}

const tick = (ticked: boolean) => `<span class="tick">${ticked ? '☑' : '☐'}</span>`;

function sheetTables(sheet: PrintableSheet, form: PrintableForm): string {
  const { headings } = form;
  const sections = sheet.sections
    .map(section => {
      const items = section.items
        .map(item => {
          const remark = withSigned(blank(item.remark), item.asSigned?.remark !== undefined ? blank(item.asSigned.remark) : undefined, headings.asSigned);
          return `<tr data-item="${h(item.id)}"><td>${h(item.label)}</td><td class="number">${item.points}</td><td class="number">${itemScore(item, sheet, form)}</td><td>${remark}</td></tr>`;
        })
        .join('');
      const signedSubtotal = section.asSigned?.subtotal !== undefined ? blank(section.asSigned.subtotal) : undefined;
      return `<tr><th colspan="4">${h(section.title)} (${section.points})</th></tr>${items}<tr class="total"><td>${h(headings.subtotal)}</td><td class="number">${section.points}</td><td class="number">${withSigned(blank(section.subtotal), signedSubtotal, headings.asSigned)}</td><td></td></tr>`;
    })
    .join('');
  const signedOf = <K extends keyof NonNullable<PrintableSheet['asSigned']>>(key: K, show: (value: NonNullable<PrintableSheet['asSigned']>[K]) => string) =>
    sheet.asSigned && key in sheet.asSigned ? show(sheet.asSigned[key] as NonNullable<PrintableSheet['asSigned']>[K]) : undefined;
  const vetoes = sheet.vetoes
    .map(veto => {
      const signed = veto.asSigned?.ticked !== undefined ? tick(veto.asSigned.ticked) : undefined;
      return `<tr data-veto="${h(veto.id)}"><td class="number">${withSigned(tick(veto.ticked), signed, headings.asSigned)}</td><td>${h(veto.label)}</td></tr>`;
    })
    .join('');
  const bands = sheet.bands.map(band => `${tick(band.chosen)} ${h(band.label)} (≥ ${band.min})`).join('　');
  const total = sheet.complete === false ? `${blank(sheet.total)} (${h(headings.incomplete)})` : blank(sheet.total);
  return `<h2>${h(headings.reportSheet)}: ${h(sheet.name)}</h2>
<table><thead><tr><th>${h(headings.item)}</th><th class="number">${h(headings.points)}</th><th class="number">${h(sheet.scoring === 'deduct' ? `${headings.score} (${headings.deducted})` : headings.score)}</th><th>${h(headings.remark)}</th></tr></thead>
<tbody>${sections}</tbody></table>
<h3>${h(headings.vetoes)} <span class="signed">(${h(headings.vetoRule)})</span></h3>
<table><tbody>${vetoes}</tbody></table>
<table class="notes"><tbody>
<tr><td>${h(headings.itemTotal)}</td><td>${withSigned(blank(sheet.itemTotal), signedOf('itemTotal', value => blank(value ?? null)), headings.asSigned)}</td></tr>
<tr class="total"><td>${h(headings.total)}</td><td data-sheet-total>${withSigned(`${total} / ${sheet.max}`, signedOf('total', value => blank(value ?? null)), headings.asSigned)}</td></tr>
<tr><td>${h(headings.rating)}</td><td data-band>${bands}${sheet.asSigned?.band !== undefined ? ` <span class="signed">(${h(headings.asSigned)}: <s>${blank(sheet.asSigned.band)}</s>)</span>` : ''}</td></tr>
<tr><td>${h(headings.mainProblems)}</td><td>${withSigned(blank(sheet.mainProblems), signedOf('mainProblems', value => blank(value ?? '')), headings.asSigned)}</td></tr>
</tbody></table>`;
}

function amendmentTable(form: PrintableForm): string {
  const { headings } = form;
  if (form.amendments.length === 0) return '';
  const rows = form.amendments
    .map(
      amendment =>
        `<tr><td>${h(amendment.at)}</td><td>${h(amendment.by.name)}</td><td>${h(amendment.reason)}</td><td>${amendment.changes
            // A change that prints the same on both sides (the time of scoring within one minute) says nothing on paper.
            .filter(change => change.before !== change.after)
            .map(change => `${h(change.field)}: ${h(change.before)} → ${h(change.after)}`).join('<br>')}</td></tr>`,
    )
    .join('');
  return `<h2>${h(headings.amendments)}</h2>
<table class="amendments"><thead><tr><th>${h(headings.amendedAt)}</th><th>${h(headings.amendedBy)}</th><th>${h(headings.reason)}</th><th>${h(headings.changed)} (${h(headings.before)} → ${h(headings.after)})</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export interface ScoreSheetPageOptions {
  /** Open the browser's print dialog once the page has loaded. */
  print: boolean;
  /** The nonce the page's one script carries, matching the response's Content-Security-Policy. */
  nonce: string;
  /** Words of the page itself that the form does not hold: the print button. */
  printButton: string;
  residentSignature: string;
  tutorSignature: string;
}

/** The score sheet laid out like the department's paper form, one A4 page after another. */
export function scoreSheetPage(form: PrintableForm, options: ScoreSheetPageOptions): string {
  const { headings } = form;
  const cell = (field: PrintableForm['header'][number] | undefined) => (field ? `<th>${h(field.label)}</th><td data-field="${h(field.key)}">${blank(field.value)}</td>` : '<th></th><td></td>');
  // Two header lines a row, as the paper form sets them.
  const headerRows = form.header.filter((_, index) => index % 2 === 0).map((field, row) => `<tr>${cell(field)}${cell(form.header[row * 2 + 1])}</tr>`);
  const preparation = form.preparation.lines.map(line => `<tr><th>${h(line.label)}</th><td>${blank(line.value)}</td></tr>`).join('');
  const signOff = form.signOff
    ? `${h(headings.signedBy)}: <strong data-signed-by>${h(form.signOff.by.name)}</strong>　${h(headings.signedAt)}: ${h(form.signOff.at)}`
    : h(headings.notSignedOff);
  return `<!doctype html>
<html lang="${h(form.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(form.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="screen-only"><button type="button" id="print">${h(options.printButton)}</button></div>
<main>
<h1>${h(form.title)}</h1>
<p class="meta">${h(headings.generatedAt)}: ${h(form.generatedAt)} · ${h(headings.timesInBeijing)}</p>
<table class="header"><tbody>${headerRows.join('')}</tbody></table>
<h2>${h(headings.preparation)}</h2>
<table class="header"><tbody>${preparation}</tbody></table>
<h2>${h(headings.stageForm)}: ${h(form.stageForm.name)}</h2>
<p class="signed">${h(headings.notApplicableRule)}</p>
${form.stageForm.stages.map(stage => stageTable(stage, form)).join('\n')}
${sheetTables(form.reportSheet, form)}
<h2>${h(headings.signOff)}</h2>
<p data-sign-off>${signOff}</p>
<div class="signatures"><div>${h(options.residentSignature)}:</div><div>${h(options.tutorSignature)}:</div></div>
${amendmentTable(form)}
</main>
<script nonce="${h(options.nonce)}">
document.getElementById('print').addEventListener('click', function () { window.print(); });
${options.print ? "window.addEventListener('load', function () { window.print(); });" : ''}
</script>
</body>
</html>
`;
}
