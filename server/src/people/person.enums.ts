import { registerEnumType } from 'type-graphql';

export enum PersonTag {
  RESIDENT = 'RESIDENT',
  PARTY_MEMBER = 'PARTY_MEMBER',
  DEMOCRATIC_PARTY_MEMBER = 'DEMOCRATIC_PARTY_MEMBER',
  VOLUNTEER = 'VOLUNTEER',
  GRID_WORKER = 'GRID_WORKER',
  GRID_LEADER = 'GRID_LEADER',
  LOCAL_WORTHY = 'LOCAL_WORTHY',
}

/** The eight democratic parties (民主党派). */
export enum DemocraticParty {
  RCCK = 'RCCK',
  CDL = 'CDL',
  CNDCA = 'CNDCA',
  CAPD = 'CAPD',
  CPWDP = 'CPWDP',
  CZGP = 'CZGP',
  JIUSAN = 'JIUSAN',
  TDSGL = 'TDSGL',
}

registerEnumType(PersonTag, { name: 'PersonTag', description: 'What a person is in co-governance' });
registerEnumType(DemocraticParty, {
  name: 'DemocraticParty',
  description: 'One of the eight democratic parties',
  valuesConfig: {
    RCCK: { description: '民革 Revolutionary Committee of the Chinese Kuomintang' },
    CDL: { description: '民盟 China Democratic League' },
    CNDCA: { description: '民建 China National Democratic Construction Association' },
    CAPD: { description: '民进 China Association for Promoting Democracy' },
    CPWDP: { description: '农工党 Chinese Peasants and Workers Democratic Party' },
    CZGP: { description: '致公党 China Zhi Gong Party' },
    JIUSAN: { description: '九三学社 Jiusan Society' },
    TDSGL: { description: '台盟 Taiwan Democratic Self-Government League' },
  },
});
