import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportSheet as reportSheetSchema, stageForm as stageFormSchema } from '../../../../src/core/rubric/rubricSchema';
import { validateReportSheet, validateStageForm } from '../../../../src/core/rubric/validateRubricSet';
import { reportSheet, stageForm } from './arbitraries';

const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('rubric definitions, for any valid one', () => {
  it('a report sheet survives JSON and the schema unchanged', () => {
    fc.assert(
      fc.property(reportSheet, sheet => {
        expect(reportSheetSchema.parse(throughJson(sheet))).toEqual(sheet);
      }),
    );
  });

  it('a stage form survives JSON and the schema unchanged', () => {
    fc.assert(
      fc.property(stageForm, form => {
        expect(stageFormSchema.parse(throughJson(form))).toEqual(form);
      }),
    );
  });

  it('a report sheet validates clean', () => {
    fc.assert(
      fc.property(reportSheet, sheet => {
        expect(validateReportSheet(sheet)).toEqual({ ok: true, sheet });
      }),
    );
  });

  it('a stage form validates clean', () => {
    fc.assert(
      fc.property(stageForm, form => {
        expect(validateStageForm(form)).toEqual({ ok: true, form });
      }),
    );
  });
});
