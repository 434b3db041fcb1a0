/** The administrative chain above the demo district, with the national division codes. */
export const PROVINCE = { name: '云南省', divisionCode: '530000000000' } as const;
export const CITY = { name: '玉溪市', divisionCode: '530400000000' } as const;
export const DISTRICT = { name: '红塔区', divisionCode: '530402000000' } as const;

export interface TownshipSeed {
  name: string;
  divisionCode: string;
  /** A street (街道) is urban and has communities (社区); a township (乡) has villages (村). */
  kind: 'street' | 'township';
  /** How many villages or communities it has; they add up to the district's 109. */
  villages: number;
}

/**
 * The eleven townships and streets of 红塔区 under their public names. Streets are numbered from 001,
 * ethnic townships from 200, as in the national division codes.
 */
export const TOWNSHIPS: readonly TownshipSeed[] = [
  { name: '玉兴街道', divisionCode: '530402001000', kind: 'street', villages: 12 },
  { name: '凤凰街道', divisionCode: '530402002000', kind: 'street', villages: 10 },
  { name: '北城街道', divisionCode: '530402003000', kind: 'street', villages: 12 },
  { name: '春和街道', divisionCode: '530402004000', kind: 'street', villages: 12 },
  { name: '李棋街道', divisionCode: '530402005000', kind: 'street', villages: 11 },
  { name: '大营街街道', divisionCode: '530402006000', kind: 'street', villages: 10 },
  { name: '研和街道', divisionCode: '530402007000', kind: 'street', villages: 11 },
  { name: '高仓街道', divisionCode: '530402008000', kind: 'street', villages: 9 },
  { name: '玉带街道', divisionCode: '530402009000', kind: 'street', villages: 10 },
  { name: '小石桥彝族乡', divisionCode: '530402200000', kind: 'township', villages: 6 },
  { name: '洛河彝族乡', divisionCode: '530402201000', kind: 'township', villages: 6 },
];

/** Township name without its suffix, used in short organisation names (玉兴街道 → 玉兴, 洛河彝族乡 → 洛河). */
export function shortTownshipName(name: string): string {
  return name.replace(/(街道|彝族乡|乡)$/, '');
}
