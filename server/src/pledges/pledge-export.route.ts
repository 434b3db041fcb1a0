import type { EntityManager } from '@mikro-orm/postgresql';
import { Router, type Request, type Response } from 'express';
import type { Clock } from '../app/clock.js';
import type { Logger } from '../app/logger.js';
import { authenticate } from '../auth/authenticate.js';
import { uuidOf } from '../common/relay/global-id.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { loadActor } from '../policy/actor.js';
import { canReadProject } from '../policy/policy.js';
import { toProjectFacts } from '../projects/project-access.js';
import { Project } from '../projects/project.entity.js';
import { ProjectPartner } from '../partners/project-partner.entity.js';
import { ledgerCsv, ledgerXlsx } from './pledge-export.js';
import { pledgeLedger, type LedgerQuery } from './pledge-ledger.js';
import { PledgeStatus } from './pledge.enums.js';

export interface ExportServices {
  rootEm: EntityManager;
  clock: Clock;
  logger: Logger;
}

const FILES = { 'pledges.csv': 'csv', 'pledges.xlsx': 'xlsx' } as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

class BadRequest extends Error {}

/** `?status=PROPOSED,ACCEPTED&from=2026-01-01&to=2026-12-31` (all optional; status may repeat). */
function filters(req: Request): Pick<LedgerQuery, 'statuses' | 'from' | 'to'> {
  const raw = ([] as unknown[]).concat(req.query.status ?? []);
  const statuses = raw.flatMap((value) => String(value).split(',')).filter(Boolean);
  const unknown = statuses.find((status) => !(status in PledgeStatus));
  if (unknown) {
    throw new BadRequest(`status "${unknown}" is not a pledge status`);
  }
  const day = (name: 'from' | 'to') => {
    const value = req.query[name];
    if (value === undefined) {
      return undefined;
    }
    if (typeof value !== 'string' || !DAY.test(value) || Number.isNaN(Date.parse(value))) {
      throw new BadRequest(`${name} must be a day as YYYY-MM-DD`);
    }
    return value;
  };
  return { statuses: statuses as PledgeStatus[], from: day('from'), to: day('to') };
}

async function send(res: Response, kind: 'csv' | 'xlsx', name: string, rows: Awaited<ReturnType<typeof pledgeLedger>>): Promise<void> {
  const fileName = `${name}-认捐台账.${kind}`;
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Disposition', `attachment; filename="pledges.${kind}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  if (kind === 'csv') {
    res.type('text/csv; charset=utf-8').send(ledgerCsv(rows));
  } else {
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await ledgerXlsx(rows));
  }
}

/**
 * Downloads of the pledge ledger: `GET /exports/projects/:id/pledges.csv|.xlsx` and
 * `GET /exports/organisations/:id/pledges.csv|.xlsx`. The session cookie (or a Bearer API token)
 * identifies the caller; rows follow the API's read rules, and a project the caller may not read is
 * answered 404 like one that does not exist.
 */
export function pledgeExportRouter(services: ExportServices): Router {
  const router = Router();

  const handle =
    (scope: 'project' | 'organisation') =>
    async (req: Request<{ id: string; file: string }>, res: Response): Promise<void> => {
      const kind = FILES[req.params.file as keyof typeof FILES];
      if (!kind) {
        res.status(404).json({ error: 'not found' });
        return;
      }
      try {
        const query = filters(req);
        const em = services.rootEm.fork();
        const auth = await authenticate(em, { cookie: req.headers.cookie, authorization: req.headers.authorization }, services.clock.now());
        const actor = auth ? (auth.actor ?? (await loadActor(em, auth.personUuid))) : undefined;
        if (scope === 'project') {
          const uuid = uuidOf(req.params.id, 'Project');
          const project = uuid ? await em.findOne(Project, { uuid }) : null;
          const facts = project && toProjectFacts(project, await em.find(ProjectPartner, { project }));
          if (!project || !facts || !canReadProject(actor, facts)) {
            res.status(404).json({ error: 'no such project' });
            return;
          }
          await send(res, kind, project.title, await pledgeLedger(em, actor, { ...query, projectUuid: project.uuid }));
        } else {
          const uuid = uuidOf(req.params.id, 'Organisation');
          const organisation = uuid ? await em.findOne(Organisation, { uuid }) : null;
          if (!organisation) {
            res.status(404).json({ error: 'no such organisation' });
            return;
          }
          await send(res, kind, organisation.name, await pledgeLedger(em, actor, { ...query, organisationUuid: organisation.uuid }));
        }
      } catch (error) {
        if (error instanceof BadRequest) {
          res.status(400).json({ error: error.message });
          return;
        }
        services.logger.error({ err: error }, 'pledge export failed');
        res.status(500).json({ error: 'internal error' });
      }
    };

  router.get('/exports/projects/:id/:file', handle('project'));
  router.get('/exports/organisations/:id/:file', handle('organisation'));
  return router;
}
