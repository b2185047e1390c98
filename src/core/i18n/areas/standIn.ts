import { defineArea } from './defineArea';

/** The tutor taking over scoring at the resident's workstation, and handing back. */
export const STAND_IN_MESSAGES = defineArea(
  {
    'standIn.open': 'Tutor takes over scoring',
    'standIn.explain': 'The tutor enters their own password. Until they hand back, every score and drawing is recorded as theirs; the resident stays signed in.',
    'standIn.username': 'Tutor username',
    'standIn.password': 'Tutor password',
    'standIn.submit': 'Take over',
    'standIn.cancel': 'Cancel',
    'standIn.checking': 'Checking…',
    'standIn.refused': 'Could not take over: {message}',
    'standIn.active': '{name} is scoring at this workstation',
    'standIn.signedIn': 'Signed in here: {name}',
    'standIn.handBack': 'Hand back',
    'standIn.handingBack': 'Sending the last scores…',
    'standIn.ended': "The tutor's takeover has ended; scores are no longer sent as the tutor.",
    'standIn.notSent': 'The tutor handed back before this change was sent; it was not sent as anyone else',
  },
  {
    'standIn.open': '指导医师接管评分',
    'standIn.explain': '指导医师输入本人密码。交还之前，所有评分和标注均记录为指导医师本人所为；住院医师保持登录。',
    'standIn.username': '指导医师用户名',
    'standIn.password': '指导医师密码',
    'standIn.submit': '接管',
    'standIn.cancel': '取消',
    'standIn.checking': '正在验证…',
    'standIn.refused': '未能接管：{message}',
    'standIn.active': '{name} 正在本工作站评分',
    'standIn.signedIn': '本工作站登录者：{name}',
    'standIn.handBack': '交还',
    'standIn.handingBack': '正在发送最后的评分…',
    'standIn.ended': '指导医师的接管已结束，评分不再以指导医师身份发送。',
    'standIn.notSent': '该修改发送前指导医师已交还，未以其他人的身份发送',
  },
);
