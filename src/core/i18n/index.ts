export { MESSAGES, LANGUAGES, isLanguage, type Language, type MessageKey, type Messages } from './messages';
export { translator, toolName, type Translate } from './translate';
