import { z } from 'zod';
import { sessionEvent } from '../../core/rules/sessionEvent';
import { teachingSession } from '../../core/session/session';
import { teachingCase } from '../../core/session/teachingCase';
import { annotationView } from '../api/annotations';
import { signComparisonView } from '../api/comparison';
import { apiError } from '../api/errors';
import { accountView } from '../api/people';

/**
 * The schemas the OpenAPI document names once under components and refers to everywhere else; a
 * session alone is thousands of lines when written out in each operation that carries it.
 */
export const openApiSchemas = z.registry<{ id?: string }>();
openApiSchemas.add(teachingSession, { id: 'TeachingSession' });
openApiSchemas.add(teachingCase, { id: 'TeachingCase' });
openApiSchemas.add(sessionEvent, { id: 'SessionEvent' });
openApiSchemas.add(annotationView, { id: 'Annotation' });
openApiSchemas.add(accountView, { id: 'Person' });
openApiSchemas.add(apiError, { id: 'ApiError' });
openApiSchemas.add(signComparisonView, { id: 'SignComparison' });
