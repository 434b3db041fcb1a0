import { registerEnumType } from 'type-graphql';

/** Administrative levels, top down. Township covers 乡/镇/街道; village covers 村/社区. */
export enum RegionLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  DISTRICT = 'DISTRICT',
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
  GRID = 'GRID',
  MICRO_GRID = 'MICRO_GRID',
}

export const REGION_LEVEL_ORDER: readonly RegionLevel[] = Object.values(RegionLevel);

registerEnumType(RegionLevel, { name: 'RegionLevel', description: 'Level of a region in the administrative tree' });
