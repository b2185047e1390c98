import type { DepartmentCategory } from '../../core/library/departmentCategory';
import type { TeachingCase } from '../../core/session/teachingCase';
import type { TrainingYear } from '../../core/schema/common';
import type { WorklistQuery } from '../api/worklist';
import type { Principal } from '../auth/principal';
import type { Account, RecordsRepository, SessionListing, SessionListingQuery } from '../repository/RecordsRepository';

/** Rows per page of every list: the page stays light with thousands of sessions and cases behind it. */
export const PAGE_SIZE = 20;
export const ADMIN_PAGE_SIZE = 25;

/** One page of a list, and how many rows the whole list has. */
export interface ListPage<T> {
  rows: T[];
  total: number;
}

/**
 * What a worklist row may show of a case: its title and where it is read, never its reference answer
 * (a resident's rows come from the same place as everyone's).
 */
export interface CaseHeading {
  id: string;
  title: string;
  study: string | undefined;
}

export interface LibraryCase extends CaseHeading {
  trainingYear: TrainingYear;
  category: string;
  modality: string;
  preparedBy: string;
  retired: boolean;
  usage: number;
}

export interface WorklistData {
  people: Map<string, Account>;
  cases: Map<string, CaseHeading>;
  categories: DepartmentCategory[];
  /** The version of the category list read, which the administrator's editor saves against. */
  categoryVersion?: number;
  /** Administrator: how many cases are filed under each category id (none: absent). */
  casesByCategory?: Map<string, number>;
  /** The sign-in before this one: sessions scheduled since are new to the resident. */
  previousSignIn: string | null;
  upcoming?: ListPage<SessionListing>;
  inProgress?: ListPage<SessionListing>;
  signedOff?: ListPage<SessionListing>;
  waiting?: ListPage<SessionListing>;
  residents?: SessionListing[];
  all?: ListPage<SessionListing>;
  library?: ListPage<LibraryCase>;
  /** The current cases a session can be scheduled on, by title. */
  schedulable?: CaseHeading[];
}

const heading = (teachingCase: TeachingCase): CaseHeading => ({ id: teachingCase.id, title: teachingCase.title, study: teachingCase.studyInstanceUIDs[0] });

async function page(repository: RecordsRepository, departmentId: string, query: Omit<SessionListingQuery, 'limit'>, pages: number | undefined): Promise<ListPage<SessionListing>> {
  const { listings, total } = await repository.listSessionListings(departmentId, { ...query, limit: PAGE_SIZE * (pages ?? 1) });
  return { rows: listings, total };
}

async function library(repository: RecordsRepository, departmentId: string, query: WorklistQuery): Promise<{ library: ListPage<LibraryCase>; schedulable: CaseHeading[] }> {
  const retired = query.retired === 'true' ? true : query.retired === 'all' ? ('all' as const) : false;
  const filter = { q: query.q, trainingYear: query.year, category: query.category, modality: query.modality, preparedBy: query.preparedBy, retired };
  const filtered = Object.values(filter).some(value => value !== undefined && value !== false);
  const [found, usage, current] = await Promise.all([
    repository.listCases(departmentId, filter),
    repository.countSessionsByCase(departmentId),
    filtered ? repository.listCases(departmentId, { retired: false }) : undefined,
  ]);
  const rows = found.slice(0, PAGE_SIZE * (query.casePages ?? 1)).map(({ record }) => ({
    ...heading(record),
    trainingYear: record.trainingYear,
    category: record.category,
    modality: record.modality,
    preparedBy: record.preparedBy,
    retired: record.retired !== undefined,
    usage: usage.get(record.id) ?? 0,
  }));
  const schedulable = (current ?? found).map(({ record }) => heading(record)).sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'));
  return { library: { rows, total: found.length }, schedulable };
}

/** Everything the signed-in person's worklist shows, read with a few queries whatever the department's size. */
export async function worklistData(repository: RecordsRepository, principal: Principal, query: WorklistQuery): Promise<WorklistData> {
  const { account } = principal;
  const departmentId = principal.department.id;
  const data: Partial<WorklistData> = {};
  const reads: Promise<unknown>[] = [];
  const read = <K extends keyof WorklistData>(key: K, value: Promise<WorklistData[K]>) => reads.push(value.then(result => (data[key] = result)));

  if (account.role === 'resident') {
    const mine = { residentId: account.id };
    read('upcoming', page(repository, departmentId, { ...mine, phases: ['scheduled'], order: 'planned' }, query.upcomingPages));
    read('inProgress', page(repository, departmentId, { ...mine, phases: ['inProgress'], order: 'plannedLast' }, query.inProgressPages));
    read('signedOff', page(repository, departmentId, { ...mine, phases: ['signedOff'], order: 'signedOff' }, query.signedOffPages));
    read('previousSignIn', repository.previousSignIn(account.id));
  } else {
    if (account.role === 'tutor') {
      const mine = { tutorId: account.id };
      read('waiting', page(repository, departmentId, { ...mine, waitingForTutor: true, order: 'planned' }, query.waitingPages));
      read('upcoming', page(repository, departmentId, { ...mine, phases: ['scheduled'], order: 'planned' }, query.upcomingPages));
      read('residents', repository.latestSessionOfEachResident(departmentId, mine));
    } else {
      const status = query.status;
      const all = repository.listSessionListings(departmentId, {
        residentId: query.residentId,
        tutorId: query.tutorId,
        ...(status === 'waiting' ? { waitingForTutor: true } : status ? { phases: [status] } : {}),
        order: 'plannedLast',
        limit: ADMIN_PAGE_SIZE,
        offset: ADMIN_PAGE_SIZE * ((query.page ?? 1) - 1),
      });
      read('all', all.then(({ listings, total }) => ({ rows: listings, total })));
      read('casesByCategory', repository.countCasesByCategory(departmentId));
    }
    reads.push(library(repository, departmentId, query).then(result => Object.assign(data, result)));
    reads.push(repository.getCategories(departmentId).then(({ record, version }) => Object.assign(data, { categories: record, categoryVersion: version })));
  }
  read('people', repository.listAccounts(departmentId).then(accounts => new Map(accounts.map(person => [person.id, person]))));
  await Promise.all(reads);

  // The cases the session rows name, in one query; the library's and the form's are known already.
  const listed = [data.upcoming, data.inProgress, data.signedOff, data.waiting, data.all].flatMap(list => list?.rows ?? []).concat(data.residents ?? []);
  const cases = new Map<string, CaseHeading>([...(data.schedulable ?? []), ...(data.library?.rows ?? [])].map(entry => [entry.id, entry]));
  const missing = [...new Set(listed.map(listing => listing.caseId))].filter(id => !cases.has(id));
  if (missing.length) for (const { record } of await repository.listCases(departmentId, { ids: missing, retired: 'all' })) cases.set(record.id, heading(record));

  return { categories: [], previousSignIn: null, ...data, people: data.people!, cases };
}
