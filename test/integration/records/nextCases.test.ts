import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScriptedCommand } from '../../fixtures/scoredSession';
import { commandsToScore } from '../../fixtures/scoredSession';
import type { TeachingSession } from '../../../src/core/session/session';
import { emptyReport } from '../../../src/core/session/stageWork';
import { caseInput, recordsWorld, type PersonKey, type RecordsWorld } from '../../fixtures/recordsWorld';
import { testDatabases } from '../../support/postgres';

/**
 * The next cases for a resident, through the API on both databases: the world's resident has one
 * signed-off session (on the world's case, 重要阴性征象描述 scored 1 of 4), and the tutor has
 * prepared four more cases.
 */

const databases = testDatabases();
afterAll(() => databases.cleanup());

const negative = (id: string, description: string) => ({ id, kind: 'negative' as const, description, location: '', annotationIds: [], pathology: '' });

const CASES = {
  negatives: {
    ...caseInput('纵隔淋巴结与胸腔积液的阴性征象'),
    referenceAnswer: {
      findings: [negative('n1', '纵隔未见肿大淋巴结'), negative('n2', '双侧胸腔未见积液'), negative('n3', '未见胸膜凹陷')],
      diagnosis: '右肺上叶良性结节可能',
      report: emptyReport(),
    },
  },
  plain: caseInput('右肺中叶磨玻璃结节'),
  neuro: { ...caseInput('左侧基底节区脑梗死'), category: '神经系统', modality: 'MR', bodyPart: 'HEAD' },
  yearThree: { ...caseInput('右肺下叶肺癌'), trainingYear: 3 as const },
};

describe.each(['sqlite', 'postgres'] as const)('next cases for a resident on %s', kind => {
  let world: RecordsWorld;
  const ids = {} as Record<keyof typeof CASES, string>;

  const as = (person: PersonKey, url: string) => world.app.inject({ method: 'GET', url, headers: { cookie: world.cookies[person] } });
  const nextCasesUrl = (personId = world.ids.resident, query = '') => `/api/residents/${personId}/next-cases${query}`;

  beforeAll(async () => {
    world = await recordsWorld(databases.locations[kind]);
    for (const [key, input] of Object.entries(CASES) as Array<[keyof typeof CASES, object]>) {
      const created = await world.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: world.cookies.tutor }, payload: input });
      expect(created.statusCode, created.body).toBe(201);
      ids[key] = created.json().case.id;
    }
    const sessionUrl = `/api/sessions/${world.sessionId}`;
    const initial = (await as('tutor', sessionUrl)).json().session as TeachingSession;
    const scored: ScriptedCommand[] = commandsToScore(initial).map(step =>
      step.command.type === 'evaluateReport'
        ? { ...step, command: { ...step.command, evaluation: { ...step.command.evaluation, sheet: { ...step.command.evaluation.sheet, items: { ...step.command.evaluation.sheet.items, 'pertinent-negatives': 1 } } } } }
        : step,
    );
    for (const step of [...scored, { by: 'tutor' as const, command: { type: 'signOff' as const } }]) {
      const { version } = (await as('tutor', sessionUrl)).json();
      const response = await world.app.inject({ method: 'POST', url: `${sessionUrl}/commands`, headers: { cookie: world.cookies[step.by] }, payload: { version, command: step.command } });
      expect(response.statusCode, `${step.command.type}: ${response.body}`).toBe(200);
    }
  }, 60_000);
  afterAll(() => world?.close());

  it('ranks the cases the resident has not done: the weakness practised, then the unseen category, then the year', async () => {
    const response = await as('tutor', nextCasesUrl());
    expect(response.statusCode, response.body).toBe(200);
    const { suggestions } = response.json();
    expect(suggestions.map((entry: { caseId: string }) => entry.caseId)).toEqual([ids.negatives, ids.neuro, ids.plain, ids.yearThree]);
    expect(suggestions[0]).toEqual({
      caseId: ids.negatives,
      title: CASES.negatives.title,
      trainingYear: 2,
      category: '呼吸系统',
      modality: 'CT',
      fit: 75,
      reasons: [
        {
          zh: '近 1 次活动中“重要阴性征象描述”平均失分 75%，本病例参考答案有 3 个重要阴性征象',
          en: 'Lost 75% of the points on “Pertinent negative findings described” in the last session; this case’s reference has 3 important negative signs',
        },
        { zh: '病例为住培第二年准备，与住院医师年级相同', en: 'Prepared for Year 2, the resident’s year' },
        { zh: '“呼吸系统”病种已有 1 次教学活动', en: '1 session in the category “呼吸系统” so far' },
        { zh: 'CT 检查已有 1 次教学活动', en: '1 session on CT so far' },
      ],
    });
    expect(suggestions[1].reasons).toContainEqual({ zh: '尚未做过“神经系统”病种的病例', en: 'No case in the category “神经系统” yet' });
    expect(suggestions[3].reasons).toContainEqual({ zh: '病例为住培第三年准备，比住院医师（住培第二年）高一个年级', en: 'Prepared for Year 3, one year above the resident’s (Year 2)' });
  });

  it('answers any tutor of the department and the administrator alike, and gives at most `limit` suggestions', async () => {
    const byTutor = (await as('tutor', nextCasesUrl())).json();
    expect((await as('otherTutor', nextCasesUrl())).json()).toEqual(byTutor);
    expect((await as('admin', nextCasesUrl())).json()).toEqual(byTutor);
    const two = await as('tutor', nextCasesUrl(world.ids.resident, '?limit=2'));
    expect(two.json().suggestions).toEqual(byTutor.suggestions.slice(0, 2));
  });

  it('refuses residents, even about themselves, and a limit that is not a whole number from 1 to 100', async () => {
    for (const person of ['resident', 'otherResident'] as const) {
      const refused = await as(person, nextCasesUrl());
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('access.organisersOnly');
    }
    for (const limit of ['0', '101', '2.5', 'many']) {
      const response = await as('tutor', nextCasesUrl(world.ids.resident, `?limit=${limit}`));
      expect(response.statusCode, limit).toBe(400);
      expect(response.json().field).toBe('limit');
    }
  });

  it('answers 404 for someone who is not a resident of the department', async () => {
    for (const personId of ['no-such-person', world.ids.tutor, world.ids.outsiderResident]) {
      const response = await as('tutor', nextCasesUrl(personId));
      expect(response.statusCode, personId).toBe(404);
      expect(response.json().code).toBe('notFound');
    }
    expect((await as('outsider', nextCasesUrl())).statusCode).toBe(404);
  });
});
