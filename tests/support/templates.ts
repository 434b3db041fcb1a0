export const TEMPLATES = { empty: 'gongzhi_template_empty', demo: 'gongzhi_template_demo' } as const;

/** "Now" of every test server's clock at start, and of the demo data in the templates: they must agree. */
export const TEST_EPOCH = '2026-11-21T02:00:00.000Z';
