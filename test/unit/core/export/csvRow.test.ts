import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  csvCell,
  csvLine,
  sessionCsvCells,
  sessionCsvHeader,
  sessionCsvHeaderCells,
  sessionCsvRow,
  sessionsCsv,
  type SessionExportInput,
} from '../../../../src/core/export';
import type { TeachingSession } from '../../../../src/core/session/session';
import {
  amendedSession,
  DEDUCT_SHEET,
  draftSession,
  evaluatedSession,
  REPORT_SHEET,
  RESIDENT,
  signedOffSession,
  TEACHING_CASE,
  TUTOR,
  vetoedSession,
} from '../../../fixtures/teachingSessions';

const NOW = '2026-11-10T00:00:00Z';

function input(session: TeachingSession, overrides: Partial<SessionExportInput> = {}): SessionExportInput {
  return { session, teachingCase: TEACHING_CASE, resident: RESIDENT, tutor: TUTOR, ...overrides };
}

/**
 * A strict RFC 4180 reader: records end in CRLF, a field is quoted or holds no quote, CR or LF at
 * all, and a quoted field ends at its closing quote. Anything else throws, so a test fails on output
 * a lenient reader would have guessed at.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let state: 'fieldStart' | 'unquoted' | 'quoted' | 'afterQuote' = 'fieldStart';
  const endField = () => {
    record.push(field);
    field = '';
    state = 'fieldStart';
  };
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (state === 'quoted') {
      if (char !== '"') field += char;
      else if (text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else state = 'afterQuote';
      continue;
    }
    if (char === ',') endField();
    else if (char === '\r' && text[index + 1] === '\n') {
      endField();
      records.push(record);
      record = [];
      index += 1;
    } else if (state === 'afterQuote') throw new Error(`Text after a closing quote at ${index}`);
    else if (char === '"' && state === 'fieldStart') state = 'quoted';
    else if (char === '"' || char === '\r' || char === '\n') throw new Error(`Unquoted ${JSON.stringify(char)} at ${index}`);
    else {
      field += char;
      state = 'unquoted';
    }
  }
  if (state === 'quoted') throw new Error('Unclosed quote');
  if (field !== '' || record.length > 0 || state === 'afterQuote') {
    endField();
    records.push(record);
  }
  return records;
}

/** What a spreadsheet should show: text that would start a formula gets a leading apostrophe. */
const guarded = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

describe('csvCell', () => {
  it('leaves plain text, numbers and Chinese as they are', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('8.5')).toBe('8.5');
    expect(csvCell('右肺上叶磨玻璃结节')).toBe('右肺上叶磨玻璃结节');
    expect(csvCell('')).toBe('');
    expect(csvCell("O'Brien")).toBe("O'Brien");
  });

  it('quotes commas, quotes, line breaks and leading or trailing spaces (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell('"')).toBe('""""');
    expect(csvCell('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
    expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvCell(' leading')).toBe('" leading"');
    expect(csvCell('trailing ')).toBe('"trailing "');
    expect(csvCell('inner space')).toBe('inner space');
  });

  it('keeps spreadsheets from running text as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('a=1')).toBe('a=1');
  });

  it('joins a line with commas', () => {
    expect(csvLine(['a', 'b,c', ''])).toBe('a,"b,c",');
  });
});

const HEADER_EN = [
  'Session ID',
  'Date',
  'Resident ID',
  'Resident',
  'Training year',
  'Tutor ID',
  'Tutor',
  'Case ID',
  'Case',
  'Examination type',
  'Minutes',
  'Scoring',
  '4.1 Clinical information: score',
  '4.1 Clinical information: max',
  '4.2 Imaging technique: score',
  '4.2 Imaging technique: max',
  '4.3 Imaging signs: score',
  '4.3 Imaging signs: max',
  '4.4 Diagnosis: score',
  '4.4 Diagnosis: max',
  '4.5 Report: score',
  '4.5 Report: max',
  'Report score',
  'Overall rating',
  'Vetoed',
  'Veto items ticked',
  'Main problems',
  'Signed off at (Beijing time)',
  'Amendments',
];

describe('sessionCsvHeader', () => {
  it('names every column, in English', () => {
    expect(sessionCsvHeaderCells(undefined, 'en')).toEqual(HEADER_EN);
    expect(parseCsv(sessionCsvHeader(undefined, 'en'))).toEqual([HEADER_EN]);
  });

  it('names every column, in Chinese', () => {
    expect(sessionCsvHeaderCells(undefined, 'zh-CN')).toEqual([
      '活动编号',
      '日期',
      '住院医师编号',
      '住院医师',
      '培训年级',
      '指导医师编号',
      '指导医师',
      '病例编号',
      '病例',
      '检查类型',
      '时长（分钟）',
      '评分完成情况',
      '4.1 临床信息 得分',
      '4.1 临床信息 满分',
      '4.2 影像技术 得分',
      '4.2 影像技术 满分',
      '4.3 影像征象 得分',
      '4.3 影像征象 满分',
      '4.4 影像诊断 得分',
      '4.4 影像诊断 满分',
      '4.5 报告书写 得分',
      '4.5 报告书写 满分',
      '报告评分',
      '报告整体评价',
      '一票否决',
      '否决项',
      '主要问题',
      '签署时间（北京时间）',
      '修订次数',
    ]);
  });

  it('adds a subtotal column per section of a given sheet after the report score', () => {
    const header = sessionCsvHeaderCells(REPORT_SHEET, 'zh-CN');
    expect(header.slice(22, 26)).toEqual(['报告评分', '一般信息（满分 20）', '影像描述（满分 40）', '影像诊断（满分 40）']);
    expect(sessionCsvHeaderCells(REPORT_SHEET, 'en').slice(23, 26)).toEqual(['General information (of 20)', 'Description (of 40)', 'Diagnosis (of 40)']);
    expect(header).toHaveLength(HEADER_EN.length + 3);
  });
});

describe('sessionCsvRow', () => {
  it('writes a signed-off session', () => {
    expect(sessionCsvCells(input(signedOffSession()), undefined, 'en', NOW)).toEqual([
      'session-1',
      '2026-11-03',
      'resident-li',
      '李明',
      '2',
      'tutor-wang',
      '王芳',
      'case-lung-nodule',
      '右肺上叶磨玻璃结节',
      'CT',
      '38',
      'complete',
      '8.5',
      '10',
      '6',
      '10',
      '8',
      '10',
      '9',
      '10',
      '84',
      '100',
      '84',
      'Good',
      'no',
      '',
      '未描述纵隔淋巴结',
      '2026-11-03 09:55',
      '0',
    ]);
  });

  it('writes rating and yes/no in the chosen language, and the ticked vetoes by name', () => {
    const cells = sessionCsvCells(input(vetoedSession({ vetoes: ['wrongPatient', 'missedDisease'] })), undefined, 'zh-CN', NOW);
    expect(cells.slice(20, 26)).toEqual(['0', '100', '0', '不合格', '是', '患者与图像不对应、漏诊重要疾病']);
    const english = sessionCsvCells(input(vetoedSession()), undefined, 'en', NOW);
    expect(english.slice(23, 26)).toEqual(['Fail', 'yes', 'Important disease missed']);
  });

  it('leaves what is not scored blank and keeps the maxima', () => {
    const cells = sessionCsvCells(input(draftSession()), REPORT_SHEET, 'en', NOW);
    expect(cells.slice(10)).toEqual(['', 'incomplete: 4.1; 4.2; 4.3; 4.4; 4.5', '', '10', '', '10', '', '10', '', '10', '', '100', '', '', '', '', '', '', '', '', '', '0']);
  });

  it('marks a partly scored session incomplete, with no partial score to average and no rating', () => {
    const partial = evaluatedSession({ stageScores: { '4.1': { completeness: 5 } }, sheetItems: { patientInfo: 9, clinicalInfo: 8 } });
    const cells = sessionCsvCells(input(partial), REPORT_SHEET, 'zh-CN', NOW);
    const header = sessionCsvHeaderCells(REPORT_SHEET, 'zh-CN');
    const column = (name: string) => cells[header.indexOf(name)];
    expect(column('评分完成情况')).toBe('未评完：4.1、4.5');
    expect([column('4.1 临床信息 得分'), column('4.2 影像技术 得分'), column('4.5 报告书写 得分')]).toEqual(['', '6', '']);
    expect([column('报告评分'), column('一般信息（满分 20）'), column('报告整体评价'), column('一票否决')]).toEqual(['', '', '', '']);
  });

  it('fills section subtotals only for sessions scored on the given sheet', () => {
    expect(sessionCsvCells(input(signedOffSession()), REPORT_SHEET, 'en', NOW).slice(22, 27)).toEqual(['84', '17', '33', '34', 'Good']);
    const otherSheet = signedOffSession({ sheet: DEDUCT_SHEET, sheetItems: { patientInfo: 1, clinicalInfo: 0, complete: 0, negatives: 0, answer: 0, advice: 0 } });
    expect(sessionCsvCells(input(otherSheet), REPORT_SHEET, 'en', NOW).slice(22, 27)).toEqual(['99', '', '', '', 'Excellent']);
  });

  it('counts amendments and writes the amended scores', () => {
    const cells = sessionCsvCells(input(amendedSession()), undefined, 'en', NOW);
    expect(cells[12]).toBe('9.5');
    expect(cells[22]).toBe('86');
    expect(cells[28]).toBe('1');
  });

  it('writes a real-time session’s 4.2 on its real-time criteria and an untimed one with blank minutes', () => {
    const cells = sessionCsvCells(input(signedOffSession({ realTime: true, start: null, stageScores: { '4.2': { procedure: 7 } } })), undefined, 'en', NOW);
    expect(cells[10]).toBe('');
    expect(cells.slice(14, 16)).toEqual(['7', '10']);
  });

  it('quotes and guards free text in the row', () => {
    const session = signedOffSession({ mainProblems: '=1+2, "结论" 不全\r\n未随访' });
    const row = sessionCsvRow(input(session, { resident: { name: '@李明' } }), undefined, 'en', NOW);
    expect(row).toContain(`,'@李明,`);
    expect(row).toContain(`,"'=1+2, ""结论"" 不全\r\n未随访",`);
  });
});

describe('sessionsCsv', () => {
  it('starts with a byte order mark and ends every line with CRLF', () => {
    const header = sessionCsvHeader(undefined, 'zh-CN');
    const rows = [sessionCsvRow(input(signedOffSession()), undefined, 'zh-CN', NOW), sessionCsvRow(input(draftSession({ id: 'session-2' })), undefined, 'zh-CN', NOW)];
    const document = sessionsCsv(header, rows);
    expect(document.startsWith('\uFEFF活动编号,')).toBe(true);
    expect(document.endsWith('\r\n')).toBe(true);
    expect(document.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const records = parseCsv(document.slice(1));
    expect(records).toHaveLength(3);
    expect(records.map(record => record[0])).toEqual(['活动编号', 'session-1', 'session-2']);
  });

  it('writes a header-only document for no sessions', () => {
    expect(sessionsCsv(sessionCsvHeader(undefined, 'en'), [])).toBe(`\uFEFF${sessionCsvHeader(undefined, 'en')}\r\n`);
  });
});

describe('CSV properties', () => {
  const awkward = fc.string({
    unit: fc.oneof(fc.constantFrom(',', '"', '\r', '\n', '\r\n', ' ', '\t', '=', '+', '-', '@', "'", '中', '文'), fc.string({ unit: 'grapheme', maxLength: 1 })),
    maxLength: 30,
  });

  it('reads every row back to as many cells as the header, with the free text as written (formulas guarded)', () => {
    fc.assert(
      fc.property(awkward, awkward, awkward, awkward, fc.constantFrom('zh-CN' as const, 'en' as const), fc.boolean(), (residentName, tutorName, caseTitle, mainProblems, language, withSheet) => {
        const sheet = withSheet ? REPORT_SHEET : undefined;
        const exportInput = input(signedOffSession({ mainProblems }), {
          resident: { name: residentName },
          tutor: { name: tutorName },
          teachingCase: { ...TEACHING_CASE, title: caseTitle },
        });
        const header = parseCsv(sessionCsvHeader(sheet, language));
        const records = parseCsv(sessionCsvRow(exportInput, sheet, language, NOW));
        expect(records).toHaveLength(1);
        const [cells] = records;
        expect(cells).toHaveLength(header[0]!.length);
        expect(cells).toEqual(sessionCsvCells(exportInput, sheet, language, NOW).map(guarded));
        const column = (name: string) => cells![sessionCsvHeaderCells(sheet, 'en').indexOf(name)];
        expect(column('Resident')).toBe(guarded(residentName));
        expect(column('Tutor')).toBe(guarded(tutorName));
        expect(column('Case')).toBe(guarded(caseTitle));
        expect(column('Main problems')).toBe(guarded(mainProblems));
      }),
      { numRuns: 150 },
    );
  });

  it('reads any line of cells back as those cells, guarded', () => {
    fc.assert(
      fc.property(fc.array(awkward, { minLength: 1, maxLength: 5 }), cells => {
        // With its line end, so that a line of one empty cell is a record and not nothing.
        expect(parseCsv(`${csvLine(cells)}\r\n`)).toEqual([cells.map(guarded)]);
      }),
    );
  });
});
