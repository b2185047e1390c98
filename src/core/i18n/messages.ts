/**
 * Every user-facing string of the teaching UI, in both languages. English is the key source; the
 * Chinese table must carry exactly the same keys (the type enforces it), so a string cannot ship in
 * one language only.
 */
const en = {
  'panel.title': 'Teaching',
  'panel.annotations': 'Annotations',
  'panel.language': 'Language',
  'panel.languageToggle': '中文',
  'account.loading': 'Checking who is signed in…',
  'account.signOut': 'Sign out',
  'account.signOutFailed': 'Could not sign out: {message}',
  'records.loading': 'Loading your teaching session…',
  'records.unavailable': 'Teaching records unavailable: {message}',
  'records.noSession': 'No teaching session of yours is open for this study. What you draw here is not saved.',
  'records.viewOnly': 'You are viewing this session. Only its resident and tutor draw in it; nothing drawn here is saved.',
  'records.unplaced': '{count} saved annotation(s) could not be placed on the images shown.',
  'save.saved': 'Saved',
  'save.saving': 'Saving…',
  'save.retrying': 'Not saved — retrying ({count})',
  'save.conflict': 'Conflict ({count})',
  'save.notSaved': 'Not saved',
  'save.conflictHint': 'Someone changed this annotation in another window. Your change here was not saved; reload to see the latest version.',
  'save.refused': 'Not saved — {message}',
  'save.reload': 'Reload',
  'api.offline': 'No connection to the teaching server',
  'api.unreadable': 'The teaching server sent an answer this page cannot read (HTTP {status})',
  'row.readOnly': 'Drawn by the {role}; view only',
  'empty.title': 'Nothing drawn yet',
  'empty.body':
    'Pick a measurement tool in the toolbar above (Length, Ellipse, Arrow…) and drag on the image. Every sign you mark is listed here; click a row to return to it.',
  'row.jump': 'Show on image',
  'row.rename': 'Rename',
  'row.delete': 'Delete',
  'row.save': 'Save',
  'row.cancel': 'Cancel',
  'row.labelPlaceholder': 'Name this sign',
  'row.unlabelled': '(no label)',
  'row.series': 'Series {number}',
  'row.slice': 'Slice {index}/{count}',
  'row.frame': 'Frame {frame}',
  'tool.Length': 'Length',
  'tool.Bidirectional': 'Bidirectional',
  'tool.EllipticalROI': 'Ellipse',
  'tool.CircleROI': 'Circle',
  'tool.RectangleROI': 'Rectangle',
  'tool.ArrowAnnotate': 'Arrow',
  'tool.Probe': 'Probe',
  'tool.Angle': 'Angle',
  'tool.CobbAngle': 'Cobb angle',
  'tool.PlanarFreehandROI': 'Freehand',
  'tool.SplineROI': 'Spline',
  'tool.LivewireContour': 'Livewire',
  'mode.name': 'Teaching',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

const zhCN: Messages = {
  'panel.title': '教学',
  'panel.annotations': '标注',
  'panel.language': '语言',
  'panel.languageToggle': 'EN',
  'account.loading': '正在确认登录身份…',
  'account.signOut': '退出登录',
  'account.signOutFailed': '未能退出登录：{message}',
  'records.loading': '正在载入您的教学活动…',
  'records.unavailable': '教学记录不可用：{message}',
  'records.noSession': '本检查没有您正在进行的教学活动，在此绘制的标注不会保存。',
  'records.viewOnly': '您正在查看本次教学活动。只有其住院医师和指导医师可以标注，在此绘制的内容不会保存。',
  'records.unplaced': '有 {count} 个已保存的标注无法显示在当前图像上。',
  'save.saved': '已保存',
  'save.saving': '正在保存…',
  'save.retrying': '未保存——正在重试（{count}）',
  'save.conflict': '冲突（{count}）',
  'save.notSaved': '未保存',
  'save.conflictHint': '该标注已在另一窗口中被修改，您在此处的修改未保存。请重新加载以查看最新内容。',
  'save.refused': '未保存——{message}',
  'save.reload': '重新加载',
  'api.offline': '无法连接教学服务器',
  'api.unreadable': '教学服务器的应答无法识别（HTTP {status}）',
  'row.readOnly': '由{role}绘制，仅供查看',
  'empty.title': '尚未标注',
  'empty.body':
    '在上方工具栏选择测量工具（长度、椭圆、箭头等），在图像上拖动绘制。标出的每个征象都会列在这里，点击一行即可回到该处。',
  'row.jump': '在图像上显示',
  'row.rename': '重命名',
  'row.delete': '删除',
  'row.save': '保存',
  'row.cancel': '取消',
  'row.labelPlaceholder': '为该征象命名',
  'row.unlabelled': '（未命名）',
  'row.series': '序列 {number}',
  'row.slice': '层面 {index}/{count}',
  'row.frame': '帧 {frame}',
  'tool.Length': '长度',
  'tool.Bidirectional': '双径',
  'tool.EllipticalROI': '椭圆',
  'tool.CircleROI': '圆形',
  'tool.RectangleROI': '矩形',
  'tool.ArrowAnnotate': '箭头',
  'tool.Probe': '探针',
  'tool.Angle': '角度',
  'tool.CobbAngle': 'Cobb 角',
  'tool.PlanarFreehandROI': '自由绘制',
  'tool.SplineROI': '样条',
  'tool.LivewireContour': '智能勾画',
  'mode.name': '教学',
};

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const MESSAGES: Record<Language, Messages> = { 'zh-CN': zhCN, en };

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}
