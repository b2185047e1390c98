import type { DepartmentCategory } from '../../core/library/departmentCategory';
import type { TeachingCase } from '../../core/session/teachingCase';
import type { CaseInput, CaseProblem } from '../api/cases';
import { ApiFailure, fail } from '../http/apiFailure';
import type { StudyDirectory } from '../studies/StudyDirectory';
import { StudyDirectoryUnavailable } from '../studies/StudyDirectory';

const problem = (code: string, field: string, zh: string, en: string): CaseProblem => ({ code, field, messages: { zh, en } });

/**
 * Everything wrong with a case as sent, each problem with its field: teaching objectives, the
 * category (known to the department; not retired, unless the case is filed there already) and the
 * studies, which the PACS must hold. `current` is the case before an edit: studies it already named
 * are not asked for again, so a study the archive has since dropped does not lock the case's text.
 */
export async function caseProblems(input: CaseInput, categories: DepartmentCategory[], studies: StudyDirectory | undefined, current?: TeachingCase): Promise<CaseProblem[]> {
  const problems: CaseProblem[] = [];
  if (input.objectives.length === 0) problems.push(problem('case.noObjectives', 'objectives', '病例至少需要一个教学目标', 'A case needs at least one teaching objective'));
  const category = categories.find(entry => entry.id === input.category);
  if (!category) {
    problems.push(problem('case.unknownCategory', 'category', `本科室的病种分类中没有“${input.category}”`, `Your department's category list has no category "${input.category}"`));
  } else if (category.retired && current?.category !== category.id) {
    problems.push(
      problem('case.retiredCategory', 'category', `病种分类“${category.name.zh}”已停用，不能再归入新的病例`, `The category "${category.name.en}" is retired; no more cases can be filed under it`),
    );
  }
  const asked = input.studyInstanceUIDs.filter(uid => !current?.studyInstanceUIDs.includes(uid));
  if (studies && asked.length > 0) {
    let missing: string[];
    try {
      missing = await studies.missingStudies(asked);
    } catch (error) {
      if (error instanceof StudyDirectoryUnavailable) {
        throw fail(503, 'pacs.unavailable', `无法向 PACS 核对病例的检查（${error.message}），请稍后重试`, `Could not check the case's studies with the PACS (${error.message}); try again later`);
      }
      throw error;
    }
    input.studyInstanceUIDs.forEach((uid, index) => {
      if (missing.includes(uid)) problems.push(problem('case.studyNotInPacs', `studyInstanceUIDs.${index}`, `PACS 中没有检查 ${uid}`, `The PACS has no study ${uid}`));
    });
  }
  return problems;
}

/** The refusal of a case with problems: all of them, in both languages, the first one's field as the error's. */
export function refuseCase(problems: CaseProblem[], prefix = ''): ApiFailure {
  return new ApiFailure(
    400,
    'input.invalidCase',
    { zh: problems.map(entry => entry.messages.zh).join('；'), en: problems.map(entry => entry.messages.en).join('; ') },
    `${prefix}${problems[0]!.field}`,
    { problems: problems.map(entry => ({ ...entry, field: `${prefix}${entry.field}` })) },
  );
}
