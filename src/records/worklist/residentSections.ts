import type { SessionListing } from '../repository/RecordsRepository';
import type { PageContext } from './pageContext';
import { section, sessionTable } from './sessionTable';

/**
 * A resident's own sessions: upcoming ones (time, place, tutor and case title, nothing of the
 * answer), those under way and those signed off with the report's total and rating. A session
 * scheduled (or moved) since the resident's previous sign-in is marked new: the guide has the
 * resident told in advance, and this is where they are told.
 */
export function residentSections(context: PageContext): string {
  const { t, data } = context;
  const previous = data.previousSignIn;
  const isNew = (listing: SessionListing) => previous === null || Date.parse(listing.scheduledAt) > Date.parse(previous);
  const upcoming = data.upcoming!;
  const inProgress = data.inProgress!;
  const signedOff = data.signedOff!;
  return [
    section(
      'worklist-upcoming',
      t('worklist.upcoming'),
      sessionTable(context, upcoming, { id: 'worklist-upcoming', columns: ['planned', 'place', 'case', 'tutor'], empty: 'worklist.empty.upcoming', pagesParameter: 'upcomingPages', isNew }),
      upcoming.total,
    ),
    section(
      'worklist-in-progress',
      t('worklist.inProgress'),
      sessionTable(context, inProgress, { id: 'worklist-in-progress', columns: ['planned', 'case', 'tutor', 'status'], empty: 'worklist.empty.inProgress', pagesParameter: 'inProgressPages' }),
      inProgress.total,
    ),
    section(
      'worklist-signed-off',
      t('worklist.signedOff'),
      sessionTable(context, signedOff, { id: 'worklist-signed-off', columns: ['signedOff', 'case', 'tutor', 'score'], empty: 'worklist.empty.signedOff', pagesParameter: 'signedOffPages' }),
      signedOff.total,
    ),
  ].join('');
}
