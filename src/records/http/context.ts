import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { MatchTolerances } from '../../core/comparison/signGeometry';
import type { Language } from '../../core/i18n';
import type { Authenticator } from '../auth/authenticate';
import type { Principal } from '../auth/principal';
import type { RecordsRepository } from '../repository/RecordsRepository';
import type { StudyDirectory } from '../studies/StudyDirectory';
import { NOT_SIGNED_IN } from './apiFailure';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | undefined;
  }
  interface FastifyContextConfig {
    /** Open to anonymous callers (sign-in, the OpenAPI document, health). */
    public?: boolean;
    /** An HTML page: a browser that is not signed in is sent to the sign-in page and brought back. */
    page?: boolean;
  }
}

export type ApiApp = FastifyInstance<any, any, any, any, ZodTypeProvider>;

/** What every route of the records service works with. */
export interface RecordsDeps {
  repository: RecordsRepository;
  authenticator: Authenticator;
  language: Language;
  now: () => Date;
  /**
   * Where a case's studies are checked to exist. Without one (the records service run with no
   * PACS_URL, and tests) the check is skipped: the service has nothing to ask.
   */
  studies?: StudyDirectory;
  /** The department's tolerances for comparing signs (TEACHING_SIGN_TOLERANCES); the core's defaults without. */
  signTolerances?: MatchTolerances;
  /** Where the viewer is served (`/` unless a department serves it under a path of its own): links into teaching mode start there. */
  viewerPath?: string;
}

export function signedIn(request: FastifyRequest): Principal {
  if (!request.principal) throw NOT_SIGNED_IN();
  return request.principal;
}
