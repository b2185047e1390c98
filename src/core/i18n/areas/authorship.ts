import { defineArea } from './defineArea';

/** Whose drawing each annotation is, and when nobody may change it any more. */
export const AUTHORSHIP_MESSAGES = defineArea(
  {
    'author.resident': 'Resident',
    'author.tutor': "Tutor's correction",
    'author.drewThis': 'Drawn by the {role}, in their colour on the images',
    'author.signedOff': 'The session is signed off; this annotation no longer changes',
  },
  {
    'author.resident': '住院医师',
    'author.tutor': '指导医师修正',
    'author.drewThis': '由{role}绘制，图像上以其颜色显示',
    'author.signedOff': '教学活动已签署，该标注不能再修改',
  },
);
