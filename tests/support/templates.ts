export const TEMPLATES = { empty: 'gongzhi_template_empty', demo: 'gongzhi_template_demo' } as const;
