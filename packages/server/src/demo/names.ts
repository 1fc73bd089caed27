/** Realistic Chinese names for the demo city's venues, people and suppliers. */
import type { VenueKind } from '@brightkitchen/sdk';
import type { DemoDistrict } from './districts.js';
import type { Random } from './random.js';

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊秦邱江尹薛闫段雷侯史陶贺顾毛郝龚邵万钱严武戴孔汤'.split(
    '',
  );
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '建国',
  '志强',
  '海燕',
  '玉兰',
  '红梅',
  '春生',
  '德胜',
  '国庆',
  '立新',
  '晓东',
  '文静',
  '雪梅',
  '丽娟',
  '振华',
  '永强',
  '凤英',
  '保国',
  '金凤',
  '书文',
  '庆华',
  '淑芬',
];

export function personName(random: Random): string {
  return random.pick(SURNAMES) + random.pick(GIVEN);
}

const SCHOOL_NUMBERS = [
  '第一',
  '第二',
  '第三',
  '第四',
  '第五',
  '第六',
  '第七',
  '第八',
  '第九',
  '第十',
  '第十一',
  '第十二',
];
const BRANDS = [
  '鲁西',
  '运河',
  '水城',
  '凤凰',
  '光岳',
  '东昌',
  '金柱',
  '齐鲁',
  '康源',
  '鑫源',
  '福泰',
  '瑞丰',
  '裕丰',
  '和盛',
  '嘉禾',
  '惠民',
];
const COMPANY_TRADES = [
  '机械',
  '化工',
  '纺织',
  '轴承',
  '钢管',
  '食品',
  '电力',
  '汽车配件',
  '生物科技',
  '物流',
  '建材',
  '面业',
];
const CONSTRUCTORS = ['中建八局', '山东高速建设', '聊城建工', '鲁班建设', '中铁十局', '水城建设集团'];
const RESTAURANT_STYLES = [
  (s: string) => `${s}家八大碗`,
  (s: string) => `运河人家${s}记饭庄`,
  (s: string) => `老${s}家常菜馆`,
  (s: string) => `${s}记铁公鸡饭店`,
  (s: string) => `${s}氏熏鸡酒楼`,
  (s: string) => `${s}家涮羊肉`,
  (s: string) => `水城${s}记鱼馆`,
  (s: string) => `${s}家驴肉火锅`,
];
const SNACK_STYLES = [
  (s: string) => `${s}记呱嗒铺`,
  (s: string) => `${s}家托板豆腐`,
  (s: string) => `${s}记烧饼`,
  (s: string) => `${s}家羊肉汤`,
  (s: string) => `${s}记包子铺`,
  (s: string) => `${s}家米线`,
  (s: string) => `${s}记煎饼`,
  (s: string) => `${s}家水饺`,
];
const DELIVERY_STYLES = ['快餐', '盖浇饭', '黄焖鸡米饭', '麻辣烫', '炒饭', '饺子', '轻食'];

/** Strips the 街道 / 镇 suffix: 柳园街道 → 柳园. */
function placeOf(town: string): string {
  return town.replace(/(街道|镇)$/, '');
}

export function venueName(kind: VenueKind, district: DemoDistrict, town: string, random: Random, n: number): string {
  const place = placeOf(town);
  const surname = random.pick(SURNAMES);
  const brand = random.pick(BRANDS);
  switch (kind) {
    case 'school_canteen':
      return random.chance(0.5)
        ? `${district.short}${random.pick(SCHOOL_NUMBERS)}中学食堂`
        : `${place}${random.pick(['中心小学', '实验小学', '初级中学', '第二小学'])}食堂`;
    case 'kindergarten_canteen':
      return `${place}${random.pick(['中心幼儿园', '实验幼儿园', '阳光幼儿园', '育才幼儿园', '童心幼儿园'])}食堂`;
    case 'elderly_care_canteen':
      return `${place}${random.pick(['敬老院', '颐养中心', '老年公寓', '幸福院'])}食堂`;
    case 'hospital_canteen':
      return `${district.short}${random.pick(['人民医院', '中医医院', '妇幼保健院', '第二人民医院'])}${random.pick(['职工食堂', '营养食堂'])}`;
    case 'construction_site_canteen':
      return `${random.pick(CONSTRUCTORS)}${place}${random.pick(['安置房', '学校', '道路改造', '商业综合体'])}项目工地食堂`;
    case 'company_canteen':
      return `聊城${brand}${random.pick(COMPANY_TRADES)}有限公司职工食堂`;
    case 'central_kitchen':
      return `${brand}${random.pick(['餐饮管理有限公司', '团餐', '食品'])}中央厨房（${place}）`;
    case 'collective_meal_delivery':
      return `${brand}${random.pick(['营养餐', '团膳', '快餐'])}配送中心（${place}）`;
    case 'restaurant':
      return random.pick(RESTAURANT_STYLES)(surname);
    case 'snack_bar':
      return random.pick(SNACK_STYLES)(surname);
    case 'delivery_kitchen':
      return `${brand}${random.pick(DELIVERY_STYLES)}外卖厨房（${place}${n}号店）`;
  }
}

const ROADS = [
  '东昌路',
  '柳园路',
  '兴华路',
  '花园路',
  '昌润路',
  '建设路',
  '光岳路',
  '向阳路',
  '振兴路',
  '湖南路',
  '利民路',
  '新华路',
  '卫育路',
  '运河路',
  '育新街',
  '青年路',
];

export function address(district: DemoDistrict, town: string, random: Random): string {
  return `山东省聊城市${district.name}${town}${random.pick(ROADS)}${random.int(1, 399)}号`;
}

export const SUPPLIERS = [
  {
    name: '聊城市鲁西粮油有限公司',
    address: '聊城市东昌府区粮食物流园 8 号',
    contact: '0635-8321456',
    licenceNo: 'JY13715020012345',
  },
  {
    name: '聊城运河蔬菜批发市场金丰商行',
    address: '聊城市东昌府区运河蔬菜批发市场 A-12',
    contact: '13563512345',
    licenceNo: 'JY13715020023456',
  },
  {
    name: '凤祥食品冷链配送中心',
    address: '聊城市阳谷县凤祥工业园',
    contact: '0635-6512345',
    licenceNo: 'JY13715210034567',
  },
  {
    name: '高唐县鑫源清真肉类有限公司',
    address: '高唐县鱼邱湖街道工业路 16 号',
    contact: '0635-3912345',
    licenceNo: 'JY13715260045678',
  },
  {
    name: '临清市万和水产经营部',
    address: '临清市青年路街道水产市场 3 号',
    contact: '13906351234',
    licenceNo: 'JY13715810056789',
  },
  {
    name: '东阿县阿胶乳业经销处',
    address: '东阿县铜城街道阿胶街 22 号',
    contact: '0635-3212345',
    licenceNo: 'JY13715240067890',
  },
];
