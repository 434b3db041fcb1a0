import type { EntityManager } from '@mikro-orm/postgresql';
import { Router, type Request, type Response } from 'express';
import type { Clock } from '../app/clock.js';
import type { Logger } from '../app/logger.js';
import { authenticate } from '../auth/authenticate.js';
import { uuidOf } from '../common/relay/global-id.js';
import { Person } from '../people/person.entity.js';
import { loadActor } from '../policy/actor.js';
import { can } from '../policy/policy.js';
import { serviceHoursCsv, serviceHoursXlsx } from './service-record-export.js';
import { serviceHoursExportRows } from './service-record.js';
import { serviceRecordFacts } from './volunteering-access.js';

export interface ServiceRecordExportServices {
  rootEm: EntityManager;
  clock: Clock;
  logger: Logger;
}

const FILES = { 'service-hours.csv': 'csv', 'service-hours.xlsx': 'xlsx' } as const;

/**
 * Downloads of a volunteer's service-hours ledger: `GET /exports/people/:id/service-hours.csv|.xlsx`.
 * The session cookie (or a Bearer API token) identifies the caller, who must be allowed to read the
 * person's service record (themself, or an ADMIN of a party organisation they report to: 双报到). A
 * record the caller may not read is answered 404, like one that does not exist.
 */
export function serviceRecordExportRouter(services: ServiceRecordExportServices): Router {
  const router = Router();
  router.get('/exports/people/:id/:file', async (req: Request<{ id: string; file: string }>, res: Response): Promise<void> => {
    const kind = FILES[req.params.file as keyof typeof FILES];
    if (!kind) {
      res.status(404).json({ error: 'not found' });
      return;
    }
    try {
      const em = services.rootEm.fork();
      const auth = await authenticate(em, { cookie: req.headers.cookie, authorization: req.headers.authorization }, services.clock.now());
      if (!auth) {
        res.status(401).json({ error: 'sign in to export a service record' });
        return;
      }
      const actor = auth.actor ?? (await loadActor(em, auth.personUuid));
      const uuid = uuidOf(req.params.id, 'Person');
      const person = uuid ? await em.findOne(Person, { uuid, deletedAt: null }) : null;
      if (!person || !can(actor, 'person.readServiceRecord', serviceRecordFacts(person))) {
        res.status(404).json({ error: 'no such service record' });
        return;
      }
      const rows = await serviceHoursExportRows(em, person.uuid);
      const fileName = `${person.name}-志愿服务记录.${kind}`;
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="service-hours.${kind}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      );
      if (kind === 'csv') {
        res.type('text/csv; charset=utf-8').send(serviceHoursCsv(rows));
      } else {
        res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await serviceHoursXlsx(rows));
      }
    } catch (error) {
      services.logger.error({ err: error }, 'service record export failed');
      res.status(500).json({ error: 'internal error' });
    }
  });
  return router;
}
