import type { Language } from '../../../src/core/i18n';
import type { CaseField } from '../../service/caseForm';
import type { CasePreparation } from '../../service/casePreparation';
import { inLanguage } from '../inLanguage';
import { usePreparation } from './usePreparation';

/** What is wrong with one field of the case, beside it: what the form lacks, or what the server refused. */
export function FieldProblem({ preparation, field, language }: { preparation: CasePreparation; field: CaseField; language: Language }) {
  const problem = usePreparation(preparation, state => state.problems[field]);
  if (!problem) return null;
  return (
    <div className="ohif-teaching__field-problem" role="alert" data-testid="case-problem" data-field={field}>
      {inLanguage(problem, language)}
    </div>
  );
}
