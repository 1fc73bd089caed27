/** The demo city: 聊城市 and its districts (GB/T 2260 codes), with a centre for venue coordinates. */

export interface DemoDistrict {
  readonly code: string;
  readonly name: string;
  /** The short name used in venue names (东昌府, 临清 …). */
  readonly short: string;
  readonly center: { readonly lat: number; readonly lng: number };
  /** Streets and towns (街道 / 镇) of the district. */
  readonly towns: readonly string[];
}

export const DEMO_CITY = { code: '371500', name: '聊城市' } as const;

export const DEMO_DISTRICTS: readonly DemoDistrict[] = [
  {
    code: '371502',
    name: '东昌府区',
    short: '东昌府',
    center: { lat: 36.4565, lng: 115.9855 },
    towns: [
      '古楼街道',
      '柳园街道',
      '新区街道',
      '湖西街道',
      '道口铺街道',
      '闫寺街道',
      '凤凰街道',
      '北城街道',
      '侯营镇',
      '沙镇镇',
      '堂邑镇',
      '梁水镇镇',
      '斗虎屯镇',
      '郑家镇',
      '张炉集镇',
      '于集镇',
      '朱老庄镇',
    ],
  },
  {
    code: '371581',
    name: '临清市',
    short: '临清',
    center: { lat: 36.8385, lng: 115.7046 },
    towns: [
      '青年路街道',
      '新华路街道',
      '先锋路街道',
      '大辛庄街道',
      '松林镇',
      '老赵庄镇',
      '康庄镇',
      '魏湾镇',
      '刘垓子镇',
      '烟店镇',
    ],
  },
  {
    code: '371503',
    name: '茌平区',
    short: '茌平',
    center: { lat: 36.5802, lng: 116.2552 },
    towns: [
      '振兴街道',
      '信发街道',
      '温陈街道',
      '乐平铺镇',
      '冯官屯镇',
      '菜屯镇',
      '博平镇',
      '杜郎口镇',
      '韩屯镇',
      '胡屯镇',
    ],
  },
  {
    code: '371526',
    name: '高唐县',
    short: '高唐',
    center: { lat: 36.8659, lng: 116.2301 },
    towns: ['鱼邱湖街道', '汇鑫街道', '人和街道', '梁村镇', '尹集镇', '清平镇', '固河镇', '三十里铺镇', '琉璃寺镇'],
  },
  {
    code: '371521',
    name: '阳谷县',
    short: '阳谷',
    center: { lat: 36.1143, lng: 115.7915 },
    towns: [
      '博济桥街道',
      '侨润街道',
      '狮子楼街道',
      '阿城镇',
      '七级镇',
      '安乐镇',
      '定水镇',
      '石佛镇',
      '李台镇',
      '寿张镇',
    ],
  },
  {
    code: '371522',
    name: '莘县',
    short: '莘县',
    center: { lat: 36.2343, lng: 115.6712 },
    towns: ['燕塔街道', '莘亭街道', '莘州街道', '张鲁回族镇', '朝城镇', '观城镇', '古城镇', '大张家镇', '十八里铺镇'],
  },
  {
    code: '371524',
    name: '东阿县',
    short: '东阿',
    center: { lat: 36.3352, lng: 116.2476 },
    towns: ['铜城街道', '新城街道', '刘集镇', '牛角店镇', '大桥镇', '高集镇', '姜楼镇', '鱼山镇'],
  },
  {
    code: '371525',
    name: '冠县',
    short: '冠县',
    center: { lat: 36.4845, lng: 115.4423 },
    towns: ['清泉街道', '崇文街道', '烟庄街道', '贾镇', '桑阿镇', '柳林镇', '清水镇', '东古城镇', '北馆陶镇'],
  },
];
