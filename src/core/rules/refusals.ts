import type { StageId } from '../rubric/rubricSchema';
import { problem } from '../schema/problem';
import type { StageStatus } from '../session/session';

const STATUS = {
  draft: { zh: '草稿', en: 'draft' },
  submitted: { zh: '已提交', en: 'submitted' },
  evaluated: { zh: '已评分', en: 'evaluated' },
} as const satisfies Record<StageStatus, { zh: string; en: string }>;

/** Why a change to a session was refused, worded for the person who tried it. */
export const refusals = {
  notYourSession: () =>
    problem('access.notYourSession', '这不是您参与的教学活动，无法查看或修改', 'This is not a session you take part in; you cannot see or change it'),
  residentOnly: () => problem('access.residentOnly', '只有本次活动的住院医师可以填写和提交各环节内容', 'Only the resident of this session writes and submits the stages'),
  tutorOnly: () => problem('access.tutorOnly', '只有本次活动的指导医师可以评分、退回和签署', 'Only the tutor of this session scores, returns and signs it'),
  adminDoesNotScore: () =>
    problem('access.adminDoesNotScore', '管理员负责管理病例和人员，不参与评分', 'Administrators manage cases and people; they do not score'),
  participantsOnly: () =>
    problem('access.participantsOnly', '只有本次活动的住院医师和指导医师可以操作计时', 'Only the resident and the tutor of this session run its clock'),
  organisersOnly: () =>
    problem('access.organisersOnly', '只有本次活动的指导医师或管理员可以调整安排', 'Only the tutor of this session or an administrator can reschedule it'),
  signedOff: () =>
    problem('state.signedOff', '本次活动已签署锁定，只能由指导医师以修订（须注明理由）的方式更改评分', 'This session is signed off and locked; only the tutor can change a score, by an amendment with a reason'),
  notSignedOff: () => problem('state.notSignedOff', '活动尚未签署，请直接修改评分，无需修订', 'The session is not signed off yet: change the evaluation directly, no amendment is needed'),
  stageNotDraft: (stage: StageId, status: StageStatus) =>
    problem('state.stageNotDraft', `环节 ${stage} 已${STATUS[status].zh}，不能再修改`, `Stage ${stage} is ${STATUS[status].en} and can no longer be changed`),
  stageNotSubmitted: (stage: StageId, status: StageStatus) =>
    problem('state.stageNotSubmitted', `环节 ${stage} 当前为${STATUS[status].zh}，住院医师提交后才能评分或退回`, `Stage ${stage} is ${STATUS[status].en}; it can be scored or returned only after the resident submits it`),
  earlierStageOpen: (stage: StageId, earlier: StageId) =>
    problem('state.earlierStageOpen', `请先提交环节 ${earlier}，再提交环节 ${stage}`, `Submit stage ${earlier} before stage ${stage}`),
  wrongScoringForStage: (stage: StageId) =>
    problem('input.wrongScoring', `环节 ${stage} 的评分方式与所提交的不符`, `Stage ${stage} is not scored that way`),
  unknownCriterion: (stage: StageId, id: string) =>
    problem('input.unknownCriterion', `环节 ${stage} 的评分标准中没有“${id}”`, `Stage ${stage} has no criterion "${id}"`),
  invalidWork: (stage: StageId, details: string) =>
    problem('input.invalidWork', `环节 ${stage} 的内容有误：${details}`, `The work for stage ${stage} is not valid: ${details}`),
  reasonRequired: () => problem('input.reasonRequired', '请填写理由', 'Please give a reason'),
  notReadyToSign: (missing: string[]) =>
    problem('state.notReadyToSign', `尚不能签署：${missing.join('；')}`, `Not ready to sign off: ${missing.join('; ')}`),
  clock: (zh: string, en: string) => problem('state.clock', zh, en),
  alreadyStarted: () => problem('state.alreadyStarted', '活动已开始，不能再调整安排', 'The session has started; it can no longer be rescheduled'),
};
