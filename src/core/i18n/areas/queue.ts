import { defineArea } from './defineArea';

/** Where the person's changes to the session are: in the local draft, on their way, or refused. */
export const QUEUE_MESSAGES = defineArea(
  {
    'queue.saved': 'Work saved',
    'queue.saving': 'Saving work… ({count})',
    'queue.awaitingDrawings': 'Handing in once the drawings are saved… ({count})',
    'queue.offline': 'Offline — {count} changes waiting',
    'queue.conflict': 'This session was changed in another window: {message}',
    'queue.keepMine': 'Keep mine',
    'queue.takeTheirs': 'Take theirs',
    'queue.refused': 'Not saved: {message}',
    'queue.dismiss': 'Dismiss',
  },
  {
    'queue.saved': '内容已保存',
    'queue.saving': '正在保存内容…（{count}）',
    'queue.awaitingDrawings': '标注保存后即提交…（{count}）',
    'queue.offline': '离线——{count} 项修改待发送',
    'queue.conflict': '该教学活动已在另一窗口中被修改：{message}',
    'queue.keepMine': '保留我的',
    'queue.takeTheirs': '采用对方的',
    'queue.refused': '未保存：{message}',
    'queue.dismiss': '知道了',
  },
);
