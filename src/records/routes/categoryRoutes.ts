import { mayManageCategories } from '../../core/rules/permissions';
import { categoryConflict, categoryListView, putCategoriesBody } from '../api/categories';
import { apiError } from '../api/errors';
import { actorOf } from '../auth/principal';
import { ApiFailure, fail } from '../http/apiFailure';
import { signedIn, type ApiApp, type RecordsDeps } from '../http/context';
import { SIGNED_IN } from '../http/security';
import { MAX_STORED_INTEGER } from '../http/storable';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError, 422: apiError };

/** The department's category list (病种分类): everyone reads it to name a case's category, administrators keep it. */
export async function categoryRoutes(app: ApiApp, deps: RecordsDeps): Promise<void> {
  const { repository, now } = deps;

  app.get(
    '/categories',
    {
      schema: { operationId: 'listCategories', summary: "Your department's case categories, retired ones included, with the list's version", security: SIGNED_IN, response: { 200: categoryListView, ...errors } },
    },
    async request => {
      const principal = signedIn(request);
      const { record, version } = await repository.getCategories(principal.department.id);
      return { categories: record, version };
    },
  );

  app.put(
    '/categories',
    {
      schema: {
        operationId: 'putCategories',
        summary: 'Administrator: replace the category list at the version last read (409 with the current list otherwise); a category some case is filed under can be retired, not removed',
        security: SIGNED_IN,
        body: putCategoriesBody,
        response: { ...errors, 200: categoryListView, 409: categoryConflict },
      },
    },
    async request => {
      const principal = signedIn(request);
      if (!mayManageCategories(actorOf(principal))) throw fail(403, 'access.adminsOnly', '只有管理员可以修改病种分类', 'Only administrators change the category list');
      const departmentId = principal.department.id;
      const conflict = async () => {
        const current = await repository.getCategories(departmentId);
        return new ApiFailure(409, 'conflict', { zh: '病种分类已被他人修改，请查看最新内容', en: 'Someone else changed the category list; review the latest version' }, undefined, {
          current: { categories: current.record, version: current.version },
        });
      };
      if (request.body.version > MAX_STORED_INTEGER) throw await conflict();
      const kept = new Set(request.body.categories.map(category => category.id));
      const removedInUse = (await repository.listUsedCategories(departmentId)).filter(id => !kept.has(id));
      if (removedInUse.length > 0) {
        const ids = removedInUse.join(', ');
        throw fail(422, 'categories.inUse', `以下病种分类仍有病例归入，只能停用，不能删除：${ids}`, `Cases are filed under these categories; retire them instead of removing them: ${ids}`, 'categories');
      }
      const written = await repository.putCategories(departmentId, request.body.version, request.body.categories, now().toISOString());
      if (written.outcome !== 'written') throw await conflict();
      return { categories: written.value.record, version: written.value.version };
    },
  );
}
