import { defineArea } from './defineArea';

/** Naming a finding from the department's sign vocabulary, or in the person's own words. */
export const VOCABULARY_MESSAGES = defineArea(
  {
    'vocabulary.label': 'Name this sign',
    'vocabulary.placeholder': 'Type to find a sign, or write your own',
    'vocabulary.list': 'Signs of the vocabulary ({modality})',
    'vocabulary.allModalities': 'all modalities',
    'vocabulary.keepTyped': 'Keep as typed: {text}',
    'vocabulary.noMatch': 'No sign of the list matches; Enter keeps what you typed.',
    'vocabulary.keys': '↑↓ choose · Enter take · Esc keep the automatic description',
    'vocabulary.choose': 'Choose from the sign list',
    'vocabulary.close': 'Close',
  },
  {
    'vocabulary.label': '为该征象命名',
    'vocabulary.placeholder': '输入以查找征象，或自行填写',
    'vocabulary.list': '征象词表（{modality}）',
    'vocabulary.allModalities': '全部检查类型',
    'vocabulary.keepTyped': '按输入保留：{text}',
    'vocabulary.noMatch': '词表中没有匹配的征象；按回车保留所输入的内容。',
    'vocabulary.keys': '↑↓ 选择 · 回车 确定 · Esc 保留自动描述',
    'vocabulary.choose': '从征象列表选择',
    'vocabulary.close': '关闭',
  },
);
