import { seedDemands } from '@gongzhi/server/src/demo/demands.js';
import { seedDistrict } from '@gongzhi/server/src/demo/district.js';
import { seedProjects } from '@gongzhi/server/src/demo/projects.js';
import type { TestServer } from './server.js';

/**
 * The demo data is seeded in stages, each building on the ones before (district → projects → demands →
 * volunteering). A test of one stage's seed starts from an empty database (`startTestServer({ demo: false })`)
 * with the earlier stages, so it sees exactly what its own stage adds.
 */
export async function seedStagesBefore(server: TestServer, stage: 'projects' | 'demands' | 'volunteering', now: Date): Promise<void> {
  await server.app.orm.em.fork().transactional(async (em) => {
    await seedDistrict(em, now);
    if (stage === 'projects') {
      return;
    }
    await seedProjects(em, now);
    if (stage === 'demands') {
      return;
    }
    await seedDemands(em, now);
  });
}
