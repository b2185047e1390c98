import { z } from 'zod';
import { identifier, trainingYear } from '../../core/schema/common';

/** A form's empty field means "not chosen": the page's filters send every field, filled or not. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(value => (value === '' ? undefined : value), schema.optional());

const pages = optional(z.coerce.number().int().min(1).max(50)).describe('How many pages of this list to show ("more")');

/** The worklist page's address: its language, the administrator's filters, the library's search, and how much of each list to show. */
export const worklistQuery = z.object({
  lang: optional(z.enum(['zh-CN', 'en'])).describe('zh-CN or en; left out, the department’s language'),
  residentId: optional(identifier).describe('Administrator: only sessions of this resident'),
  tutorId: optional(identifier).describe('Administrator: only sessions of this tutor'),
  status: optional(z.enum(['scheduled', 'inProgress', 'signedOff', 'waiting'])).describe('Administrator: only sessions that stand so (waiting: for their tutor)'),
  page: optional(z.coerce.number().int().min(1).max(100_000)).describe('Administrator: the page of all sessions'),
  upcomingPages: pages,
  inProgressPages: pages,
  signedOffPages: pages,
  waitingPages: pages,
  q: optional(z.string().max(200)).describe('Case library: text in the title, objectives or diagnosis'),
  year: optional(z.coerce.number().pipe(trainingYear)).describe('Case library: training year'),
  category: optional(identifier).describe('Case library: category id'),
  modality: optional(z.string().regex(/^[A-Z]{2}$/, 'modality must be a two-letter DICOM code, e.g. CT')).describe('Case library: modality'),
  preparedBy: optional(identifier).describe('Case library: who prepared the case'),
  retired: optional(z.enum(['false', 'true', 'all'])).describe('Case library: current cases (false, the default), retired ones, or all'),
  casePages: pages,
  nextFor: optional(identifier).describe('The resident whose next-case suggestions the page shows on load'),
  scheduled: optional(identifier).describe('The session just scheduled from the page, to point out'),
});
export type WorklistQuery = z.infer<typeof worklistQuery>;
