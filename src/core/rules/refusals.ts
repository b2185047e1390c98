import { TRAINING_YEAR_LABELS } from '../labels/peopleLabels';
import type { StageId } from '../rubric/rubricSchema';
import type { LocalizedText, TrainingYear } from '../schema/common';
import { problem } from '../schema/problem';

/** Items of a list in each language's own way: ； between Chinese ones, semicolons and a closing "and" in English. */
function listed(items: readonly LocalizedText[]): LocalizedText {
  const en = items.map(item => item.en);
  return {
    zh: items.map(item => item.zh).join('；'),
    en: en.length <= 1 ? en.join('') : `${en.slice(0, -1).join('; ')}; and ${en[en.length - 1]}`,
  };
}

/** Why a change to a session was refused, worded for the person who tried it. */
export const refusals = {
  notYourSession: () =>
    problem('access.notYourSession', '这不是您参与的教学活动，无法查看或修改', 'This is not a session you take part in; you cannot see or change it'),
  residentOnly: () => problem('access.residentOnly', '只有本次活动的住院医师可以填写和提交各环节内容', 'Only the resident of this session writes and submits the stages'),
  adminDoesNotWrite: () =>
    problem(
      'access.adminDoesNotWrite',
      '各环节内容须由住院医师本人填写和提交，管理员不能代为填写',
      'The stages are written and submitted by the resident in person; an administrator cannot write them on their behalf',
    ),
  tutorOnly: () => problem('access.tutorOnly', '只有本次活动的指导医师可以评分、退回、提问和签署', 'Only the tutor of this session scores, returns, asks questions and signs it'),
  adminDoesNotScore: () =>
    problem('access.adminDoesNotScore', '管理员负责管理病例和人员，不参与评分', 'Administrators manage cases and people; they do not score'),
  participantsOnly: () =>
    problem('access.participantsOnly', '只有本次活动的住院医师和指导医师可以操作计时', 'Only the resident and the tutor of this session run its clock'),
  organisersOnly: () =>
    problem('access.organisersOnly', '只有本次活动的指导医师或管理员可以安排和通知', 'Only the tutor of this session or an administrator arranges it and sends notices'),
  answerersOnly: () =>
    problem('access.answerersOnly', '只有本次活动的住院医师或指导医师可以记录回答', 'Only the resident or the tutor of this session records an answer'),
  signedOff: () =>
    problem('state.signedOff', '本次活动已签署锁定，只能由指导医师以修订（须注明理由）的方式更改评分', 'This session is signed off and locked; only the tutor can change a score, by an amendment with a reason'),
  notSignedOff: () => problem('state.notSignedOff', '活动尚未签署，请直接修改评分，无需修订', 'The session is not signed off yet: change the evaluation directly, no amendment is needed'),
  stageSubmitted: (stage: StageId) =>
    problem(
      'state.stageNotDraft',
      `环节 ${stage} 已提交，不能再修改；如需修改，请指导医师退回`,
      `Stage ${stage} has been submitted and can no longer be changed; the tutor can return it for revision`,
    ),
  stageEvaluated: (stage: StageId) =>
    problem(
      'state.stageNotDraft',
      `环节 ${stage} 已评分，不能再修改；如需修改，请指导医师退回`,
      `Stage ${stage} has been scored and can no longer be changed; the tutor can return it for revision`,
    ),
  notSubmittedYet: (stage: StageId) =>
    problem('state.stageNotSubmitted', `环节 ${stage} 住院医师尚未提交，提交后才能评分`, `Stage ${stage} has not been submitted yet; it can be scored once the resident submits it`),
  nothingToReturn: (stage: StageId) =>
    problem('state.nothingToReturn', `环节 ${stage} 仍是住院医师的草稿，无需退回`, `Stage ${stage} is still the resident’s draft; there is nothing to return`),
  earlierStageOpen: (stage: StageId, earlier: StageId) =>
    problem('state.earlierStageOpen', `请先提交环节 ${earlier}，再提交环节 ${stage}`, `Submit stage ${earlier} before stage ${stage}`),
  wrongScoringForStage: (stage: StageId) =>
    problem('input.wrongScoring', `环节 ${stage} 的评分方式与所提交的不符`, `Stage ${stage} is not scored that way`),
  invalidWork: (stage: StageId, details: string) =>
    problem('input.invalidWork', `环节 ${stage} 的内容有误：${details}`, `The work for stage ${stage} is not valid: ${details}`),
  reasonRequired: () => problem('input.reasonRequired', '请填写理由', 'Please give a reason'),
  questionRequired: () => problem('input.questionRequired', '请填写提问内容', 'Please write the question'),
  notReadyToSign: (missing: LocalizedText[]) => {
    const list = listed(missing);
    return problem('state.notReadyToSign', `尚不能签署：${list.zh}`, `Not ready to sign off: ${list.en}`);
  },
  amendmentIncomplete: (missing: LocalizedText[]) => {
    const list = listed(missing);
    return problem(
      'state.amendmentIncomplete',
      `修订后的评分须与签署时一样完整：${list.zh}`,
      `An amendment must leave the scores as complete as sign-off requires: ${list.en}`,
    );
  },
  clock: (zh: string, en: string) => problem('state.clock', zh, en),
  notReadyToStart: (open: LocalizedText[]) => {
    const list = listed(open);
    return problem('state.notReadyToStart', `尚不能开始：${list.zh}`, `The session cannot start yet: ${list.en}`);
  },
  alreadyStarted: () => problem('state.alreadyStarted', '活动已开始，不能再调整安排或准备事项', 'The session has started; its arrangements and preparation can no longer change'),
  unknownQuestion: (stage: StageId, id: string) =>
    problem('input.unknownQuestion', `环节 ${stage} 中没有编号为“${id}”的提问`, `Stage ${stage} has no question "${id}"`),
  notRealTime: () =>
    problem('input.notRealTime', '本病例不需要实时操作，无需告知患者配合教学', 'This case needs no real-time examination, so there is no patient to inform'),
  informedLater: () => problem('input.informedLater', '告知患者的时间不能晚于现在', 'The patient cannot have been informed later than now'),
  noYearMismatch: (year: TrainingYear) =>
    problem(
      'input.noYearMismatch',
      `病例的培训年级与住院医师相同（${TRAINING_YEAR_LABELS[year].zh}），无需确认`,
      `The case was prepared for the resident’s own year (${TRAINING_YEAR_LABELS[year].en}); there is nothing to confirm`,
    ),
};
