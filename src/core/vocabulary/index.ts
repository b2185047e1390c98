export { DEFAULT_SIGN_VOCABULARY } from './defaultSignVocabulary';
export * from './signVocabulary';
