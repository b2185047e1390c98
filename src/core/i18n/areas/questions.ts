import { defineArea } from './defineArea';

/** The tutor's questions in a stage (指导医师根据需要进行提问) and the resident's answers. */
export const QUESTION_MESSAGES = defineArea(
  {
    'questions.title': 'Questions and answers',
    'questions.none': 'No questions asked in this stage yet.',
    'questions.number': 'Q{number}',
    'questions.newLabel': 'A question for the resident',
    'questions.newPlaceholder': 'Ask about this stage…',
    'questions.ask': 'Ask',
    'questions.remove': 'Remove this question',
    'questions.wording': 'Question {number}',
    'questions.answer': 'Answer',
    'questions.answerByResident': 'Your answer',
    'questions.answerByTutor': "The resident's answer, as given aloud",
    'questions.unanswered': 'Not answered yet',
    'questions.notedByTutor': 'noted by the tutor',
    'questions.wordingRequired': 'A question needs its text; until you type one, the last wording is kept.',
  },
  {
    'questions.title': '提问与回答',
    'questions.none': '本环节尚未提问。',
    'questions.number': '问{number}',
    'questions.newLabel': '向住院医师提问',
    'questions.newPlaceholder': '就本环节提问…',
    'questions.ask': '提问',
    'questions.remove': '删除此提问',
    'questions.wording': '问题 {number}',
    'questions.answer': '回答',
    'questions.answerByResident': '你的回答',
    'questions.answerByTutor': '住院医师的口头回答（由指导医师记录）',
    'questions.unanswered': '尚未回答',
    'questions.notedByTutor': '指导医师代为记录',
    'questions.wordingRequired': '提问不能为空；在输入新内容之前，保留原来的提问。',
  },
);
