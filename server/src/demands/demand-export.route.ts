import { Router, type Request, type Response } from 'express';
import { authenticate } from '../auth/authenticate.js';
import type { PubSub } from '../common/pubsub/pg-pubsub.js';
import { uuidOf } from '../common/relay/global-id.js';
import type { ExportServices } from '../pledges/pledge-export.route.js';
import { loadActor } from '../policy/actor.js';
import { Region } from '../regions/region.entity.js';
import { writeDemandExport, type DemandExportQuery } from './demand-export.js';
import { runDemandSweeps } from './demand-sweeper.js';
import { DemandStatus } from './demand.enums.js';

export interface DemandExportServices extends ExportServices {
  /** The sweeps run before the export reads, as before every API read: they publish what they change. */
  pubSub: PubSub;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

class BadRequest extends Error {}

/** A calendar day parameter (YYYY-MM-DD), or undefined when absent. */
function day(req: Request, name: 'from' | 'to'): string | undefined {
  const value = req.query[name];
  if (value === undefined || value === '') {
    return undefined;
  }
  if (typeof value !== 'string' || !DAY.test(value) || Number.isNaN(Date.parse(value))) {
    throw new BadRequest(`${name} must be a day as YYYY-MM-DD`);
  }
  return value;
}

/** `?regionId=…&from=2026-01-01&to=2026-12-31&status=SUBMITTED,DISPATCHED` (status may repeat; from, to and status optional). */
function filters(req: Request): { regionId: string } & Omit<DemandExportQuery, 'regionPath'> {
  const regionId = req.query.regionId;
  if (typeof regionId !== 'string' || !regionId) {
    throw new BadRequest('regionId is required');
  }
  const statuses = ([] as unknown[])
    .concat(req.query.status ?? [])
    .flatMap((value) => String(value).split(','))
    .filter(Boolean);
  const unknown = statuses.find((status) => !(status in DemandStatus));
  if (unknown) {
    throw new BadRequest(`status "${unknown}" is not a demand status`);
  }
  const from = day(req, 'from');
  const to = day(req, 'to');
  if (from && to && from > to) {
    throw new BadRequest('from must not be after to');
  }
  return { regionId, from, to, statuses: statuses as DemandStatus[] };
}

/**
 * Download of the demand tickets (群众点单工单台账) of a region's subtree as XLSX:
 * `GET /exports/demands.xlsx?regionId=&from=&to=&status=`, days in Asia/Shanghai (both included),
 * newest first. The rows follow the API's rules: tickets are public like a hotline's transparency
 * list, and the contact fields are masked unless the policy lets the caller see them (each unmasked
 * view is logged). A bulk download is accountable, so it needs a signed-in caller (session cookie or
 * Bearer API token).
 */
export function demandExportRouter(services: DemandExportServices): Router {
  const router = Router();
  router.get('/exports/demands.xlsx', async (req: Request, res: Response): Promise<void> => {
    try {
      const query = filters(req);
      const em = services.rootEm.fork();
      const now = services.clock.now();
      const auth = await authenticate(em, { cookie: req.headers.cookie, authorization: req.headers.authorization }, now);
      if (!auth) {
        res.status(401).json({ error: 'sign in to export demand tickets' });
        return;
      }
      const uuid = uuidOf(query.regionId, 'Region');
      const region = uuid ? await em.findOne(Region, { uuid }) : null;
      if (!region) {
        res.status(404).json({ error: 'no such region' });
        return;
      }
      const actor = auth.actor ?? (await loadActor(em, auth.personUuid));
      // Like every API read: no ticket is exported open when it should already be closed or escalated.
      await runDemandSweeps(em, services.pubSub, now);
      const fileName = `${region.name}-群众点单工单.xlsx`;
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Content-Disposition', `attachment; filename="demands.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
      res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      await writeDemandExport(em, actor, { ...query, regionPath: region.path }, res, now);
    } catch (error) {
      if (error instanceof BadRequest) {
        res.status(400).json({ error: error.message });
        return;
      }
      services.logger.error({ err: error }, 'demand export failed');
      if (res.headersSent) {
        // Part of the workbook is out: break the download rather than hand over a truncated file.
        res.destroy(error as Error);
      } else {
        res.status(500).json({ error: 'internal error' });
      }
    }
  });
  return router;
}
