export { MESSAGES, LANGUAGES, isLanguage, type Language, type MessageKey, type Messages } from './messages';
export { fillPlaceholders, translator, toolName, type Translate } from './translate';
