import type { Random } from './random.js';

/**
 * Surnames with weights roughly like their national frequency (per mille), nudged towards Yunnan:
 * 李 and 杨 are more common there, and Yi families often carry 普, 施, 字, 鲁, 杞 or 毕.
 */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 71],
  ['李', 78],
  ['张', 66],
  ['刘', 54],
  ['陈', 45],
  ['杨', 48],
  ['赵', 23],
  ['黄', 22],
  ['周', 21],
  ['吴', 20],
  ['徐', 17],
  ['孙', 15],
  ['胡', 13],
  ['朱', 12],
  ['高', 12],
  ['林', 11],
  ['何', 12],
  ['郭', 11],
  ['马', 12],
  ['罗', 10],
  ['梁', 8],
  ['宋', 7],
  ['郑', 7],
  ['谢', 7],
  ['韩', 6],
  ['唐', 6],
  ['冯', 6],
  ['于', 5],
  ['董', 6],
  ['程', 5],
  ['曹', 5],
  ['袁', 5],
  ['邓', 5],
  ['许', 5],
  ['沈', 4],
  ['曾', 4],
  ['彭', 4],
  ['吕', 4],
  ['苏', 4],
  ['卢', 4],
  ['蒋', 4],
  ['蔡', 4],
  ['段', 4],
  ['付', 3],
  ['尹', 3],
  ['普', 4],
  ['施', 3],
  ['字', 2],
  ['鲁', 2],
  ['杞', 1],
  ['毕', 2],
];
const SURNAME_VALUES = SURNAMES.map(([surname]) => surname);
const SURNAME_WEIGHTS = SURNAMES.map(([, weight]) => weight);

/** Characters common in given names; split so a two-character name reads as one person's name. */
const MALE = [...'伟强磊军勇杰涛明超华建国平刚辉鹏斌波宇浩凯俊峰林成文志永海东兴福贵荣云龙昌德春武松'];
const FEMALE = [...'芳娜敏静丽艳娟霞燕玲桂英秀兰萍梅琳婷雪慧丹洁琼红玉凤琴莉蓉佳欣悦彩'];
const SHARED = [...'晓佳子思文家天一嘉雨新金永春明'];

/** A plausible Chinese name: weighted surname, then a one- or two-character given name. */
export function personName(random: Random): string {
  const surname = random.weighted(SURNAME_VALUES, SURNAME_WEIGHTS);
  const pool = random.chance(0.5) ? MALE : FEMALE;
  if (random.chance(0.3)) {
    return surname + random.pick(pool);
  }
  const first = random.chance(0.4) ? random.pick(SHARED) : random.pick(pool);
  let second = random.pick(pool);
  while (second === first) {
    second = random.pick(pool);
  }
  return surname + first + second;
}
