import type { Random } from './random.js';

/**
 * Names for the generated communities (社区) and villages (村): two syllables the way Yunnan place
 * names are made (玉湖, 龙泉, 大营, 者克 …), drawn in a seeded order so every start gives the same map.
 */
const COMMUNITY_FIRST = [...'东西南北玉红凤龙金翠春文新瑞桂明康锦'];
const COMMUNITY_SECOND = [...'苑城园湖泉华阳兴林山和安'];
const VILLAGE_FIRST = [...'大小上下前后新老石马龙白黑法者普他矣'];
const VILLAGE_SECOND = [...'营坝塘河桥湾坡冲哨庄箐寨田密克'];

function combinations(first: readonly string[], second: readonly string[]): string[] {
  return first.flatMap((a) => second.filter((b) => b !== a).map((b) => a + b));
}

/** Hands out unique place names; names reserved for the demo fixtures are never drawn. */
export class PlaceNames {
  private readonly communities: string[];
  private readonly villages: string[];

  constructor(random: Random, reserved: readonly string[]) {
    const taken = new Set(reserved);
    this.communities = random.shuffle(combinations(COMMUNITY_FIRST, COMMUNITY_SECOND)).filter((name) => !taken.has(`${name}社区`));
    this.villages = random.shuffle(combinations(VILLAGE_FIRST, VILLAGE_SECOND)).filter((name) => !taken.has(`${name}村`));
  }

  community(): string {
    return `${this.draw(this.communities)}社区`;
  }

  village(): string {
    return `${this.draw(this.villages)}村`;
  }

  private draw(pool: string[]): string {
    const name = pool.shift();
    if (!name) {
      throw new Error('ran out of demo place names');
    }
    return name;
  }
}
