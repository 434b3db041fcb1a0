import type { EntityManager } from '@mikro-orm/postgresql';
import { Region } from '../regions/region.entity.js';
import { RegionLevel } from '../regions/region.enums.js';
import { DEMO_FIXTURES } from './fixtures.js';
import { PlaceNames } from './place-names.js';
import type { Random } from './random.js';
import { CITY, DISTRICT, PROVINCE, TOWNSHIPS, type TownshipSeed } from './townships.js';

const ORDINALS = ['一', '二', '三', '四'];

export interface MicroGridNode {
  region: Region;
  /** Building (号楼) in a community, villagers' group (村民小组) in a village; addresses use it. */
  number: number;
}

export interface GridNode {
  region: Region;
  microGrids: MicroGridNode[];
}

export interface VillageNode {
  region: Region;
  township: TownshipNode;
  /** A community (社区) of a street, or a village (村) of a township. */
  isCommunity: boolean;
  grids: GridNode[];
}

export interface TownshipNode {
  seed: TownshipSeed;
  region: Region;
  villages: VillageNode[];
}

export interface RegionTree {
  province: Region;
  city: Region;
  district: Region;
  townships: TownshipNode[];
  villages: VillageNode[];
  /** Every region, parents before children (the insert order). */
  all: Region[];
}

/**
 * Builds 云南省 → 玉溪市 → 红塔区 → 11 townships → 109 villages → 2–4 grids each → some micro-grids.
 * Nothing is persisted here; uuids exist from construction, so each materialised path is complete.
 */
export function buildRegionTree(em: EntityManager, random: Random, createdAt: Date): RegionTree {
  const all: Region[] = [];
  const names = new PlaceNames(random, [DEMO_FIXTURES.community]);
  const add = (name: string, level: RegionLevel, parent: Region | null, divisionCode: string | null = null): Region => {
    const region = em.create(Region, { name, level, divisionCode, parent, createdAt }, { persist: false });
    region.path = `${parent?.path ?? '/'}${region.uuid}/`;
    all.push(region);
    return region;
  };

  const province = add(PROVINCE.name, RegionLevel.PROVINCE, null, PROVINCE.divisionCode);
  const city = add(CITY.name, RegionLevel.CITY, province, CITY.divisionCode);
  const district = add(DISTRICT.name, RegionLevel.DISTRICT, city, DISTRICT.divisionCode);
  const townships: TownshipNode[] = [];
  const villages: VillageNode[] = [];

  for (const seed of TOWNSHIPS) {
    const township: TownshipNode = { seed, region: add(seed.name, RegionLevel.TOWNSHIP, district, seed.divisionCode), villages: [] };
    townships.push(township);
    const isCommunity = seed.kind === 'street';
    for (let index = 0; index < seed.villages; index += 1) {
      const isDemoCommunity = seed.name === DEMO_FIXTURES.township && index === 0;
      const name = isDemoCommunity ? DEMO_FIXTURES.community : isCommunity ? names.community() : names.village();
      // Residents' committees take 001–199 under their street, villagers' committees 200 and up.
      const code = `${seed.divisionCode.slice(0, 9)}${String((isCommunity ? 1 : 201) + index).padStart(3, '0')}`;
      const village: VillageNode = { region: add(name, RegionLevel.VILLAGE, township.region, code), township, isCommunity, grids: [] };
      township.villages.push(village);
      villages.push(village);
      let number = 0;
      const gridCount = isDemoCommunity ? 3 : random.int(2, 4);
      for (let gridIndex = 0; gridIndex < gridCount; gridIndex += 1) {
        const grid: GridNode = { region: add(`第${ORDINALS[gridIndex]}网格`, RegionLevel.GRID, village.region), microGrids: [] };
        village.grids.push(grid);
        // The demo grid stays without micro-grids: its grid worker and resident are attached to it directly.
        const microGridCount = isDemoCommunity && gridIndex === 0 ? 0 : random.chance(0.35) ? random.int(1, 3) : 0;
        for (let micro = 0; micro < microGridCount; micro += 1) {
          number += random.int(1, 3);
          const name = isCommunity ? `${number}号楼微网格` : `第${number}村民小组微网格`;
          grid.microGrids.push({ region: add(name, RegionLevel.MICRO_GRID, grid.region), number });
        }
      }
    }
  }
  return { province, city, district, townships, villages, all };
}
