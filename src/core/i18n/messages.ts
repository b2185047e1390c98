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
