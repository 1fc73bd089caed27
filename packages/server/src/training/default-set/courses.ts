/**
 * The national default courses, written from REGULATIONS.md in our own words. Lesson text: paragraphs separated by
 * blank lines, `## ` heads a section, `- ` a list item (the mini-program renders these; no HTML).
 */
import type { Course } from '@brightkitchen/sdk/training';

type DefaultCourse = Omit<Course, 'updatedAt' | 'progress'>;

const BASICS: DefaultCourse = {
  id: 'nat-course-basics',
  regionId: null,
  title: '餐饮服务从业人员食品安全基础',
  summary: '每位上岗人员都要掌握的内容：主体责任、健康管理与晨检、个人卫生、明厨亮灶。考核合格后取得培训合格证。',
  roles: [],
  venueKinds: [],
  state: 'published',
  examId: 'nat-exam-basics',
  lessons: [
    {
      id: 'duties',
      title: '谁对食品安全负责',
      minutes: 8,
      body: `经营者是食品安全的第一责任人。单位的主要负责人要建立并落实健康管理、进货查验、清洗消毒、食品留样等制度，配备食品安全管理员，组织员工培训。

## 从业人员的义务
- 上岗前取得健康证明，并经培训考核合格；
- 每天接受晨检，身体不适主动报告；
- 按操作规范加工，发现问题及时报告食品安全管理员。

## 记录是追溯的依据
台账（电子台账）如实记录每天的晨检、进货、消毒、留样等工作。记录在保存期限内不得删除：有保质期的食品，进货记录保存到保质期满后 6 个月；没有保质期的，不少于 2 年。平台把每条记录连成哈希链，任何删除或改动都能被发现。`,
    },
    {
      id: 'health',
      title: '健康管理与晨检',
      minutes: 10,
      body: `每天上岗前，食品安全管理员对每名员工进行晨检，并在平台上记录。

## 当天不得从事接触直接入口食品工作的情形
- 体温不低于 37.3 ℃（地区可调整）；
- 腹泻、呕吐、发热、咽痛、黄疸；
- 手部皮肤破损或感染、渗出性皮肤病；
- 手部检查不合格。

## 证件
没有有效的年度健康证明，或没有有效的食品安全培训合格证，也视为不适宜上岗。证件有效至到期当日，按门店所在时区的日期判断。合格证到期前 30 天，平台会在员工页和今日页提醒续训。

晨检记录不论结果都要保存；判为不适宜上岗时，平台向食品安全管理员发出告警。工作衣帽、饰物不合格的，整改后上岗。`,
    },
    {
      id: 'hygiene',
      title: '个人卫生与操作行为',
      minutes: 8,
      body: `进入加工区前穿戴清洁的工作衣帽，洗净双手；进入专间还要二次更衣、手部消毒并戴口罩。工作时不戴戒指、手镯等饰物。

## 什么时候洗手
- 开始工作前、处理食物前；
- 上厕所后；
- 接触生食、垃圾或清洁用品之后。

## 视频会识别的违规
明厨亮灶的视频分析会识别未戴帽、未戴口罩、未穿工作服、玩手机、吸烟、赤膊等行为，抓拍后推送给食品安全管理员。收到告警要先确认，纠正后填写整改措施再关闭。`,
    },
    {
      id: 'bright-kitchen',
      title: '明厨亮灶与社会监督',
      minutes: 6,
      body: `明厨亮灶把后厨的烹饪区、凉菜间（专间）、清洗消毒区和原料初加工区通过视频公开，录像至少保存 7 天（部分地区 30 天）。

消费者扫描门店二维码，可以看到许可证、量化等级、今日台账概况、后厨视频和评价，也可以发送告知书或附照片投诉。投诉会同时到达经营者和监管部门。

做好日常工作、及时处理告警和投诉，是赢得消费者信任的最好方式。`,
    },
  ],
};

const PURCHASE_STORAGE: DefaultCourse = {
  id: 'nat-course-purchase-storage',
  regionId: null,
  title: '进货查验与贮存温控',
  summary: '索证索票、拒收过期和无检疫证明的食品，冷藏冷冻热藏的温度与传感器告警。',
  roles: ['food_safety_manager', 'chef', 'cook', 'manager'],
  venueKinds: [],
  state: 'published',
  lessons: [
    {
      id: 'purchase',
      title: '进货查验',
      minutes: 10,
      body: `每批食品到货都要查验并记录：产品名称、规格、数量和单位、生产日期或批号、保质期、进货日期、供货者名称、地址、联系方式和许可证号、检验或检疫合格证明，并拍照保存票据。

## 必须拒收
- 已过保质期的：进货日期晚于生产日期加保质期；
- 没有动物检疫合格证明的畜禽肉类；
- 来源不明、包装破损或感官异常的。

生产日期晚于进货日期的记录是填错了，平台会拒收。临近保质期的（默认剩余不超过 3 天）平台会提示，尽快使用或退货。`,
    },
    {
      id: 'storage',
      title: '贮存与温度',
      minutes: 10,
      body: `## 温度范围
- 冷藏：0–8 ℃；
- 冷冻：不高于 −12 ℃（许多地区要求 −18 ℃）；
- 热藏：不低于 60 ℃；
- 专间：不高于 25 ℃；
- 留样冰箱：0–8 ℃。

贮存要生熟分开、离地离墙、先进先出。库房不放个人物品，有毒有害物品专柜存放。

## 传感器告警
温度超出范围后，平台等待一段时间（默认 10 分钟）再告警，以免开门取物、除霜造成误报；温度回到范围内并留有回差后告警才会解除。收到告警要检查设备、转移食品，并填写处理措施。`,
    },
  ],
};

const PROCESSING: DefaultCourse = {
  id: 'nat-course-processing',
  regionId: null,
  title: '加工制作、专间与食品留样',
  summary: '烹饪中心温度、生熟分开、专间的紫外线消毒和温度、每餐留样 125 克 48 小时。',
  roles: ['chef', 'cook', 'food_safety_manager'],
  venueKinds: [],
  state: 'published',
  lessons: [
    {
      id: 'cooking',
      title: '加工与烹饪',
      minutes: 8,
      body: `烹饪的食品中心温度不低于 70 ℃；隔餐食品再加热也要烧熟煮透。四季豆、豆浆要彻底加热；发芽土豆、来源不明的野生菌不得使用。

刀具、砧板、容器、抹布生熟分开并有标识。冷冻食品宜在冷藏条件下或用流动水解冻。熟食在常温下存放不超过 2 小时。`,
    },
    {
      id: 'special-room',
      title: '专间管理与空气消毒',
      minutes: 8,
      body: `凉菜等冷食、生食和裱花操作在专间进行。进入专间前二次更衣、洗手消毒、戴口罩；专间工具专用。

## 空气消毒
每次使用专间前用紫外线灯消毒不少于 30 分钟，照射时专间内不得有人。专间温度不高于 25 ℃，超温时暂停加工。每次消毒都要记录专间、方式、开始和结束时间、操作人员或设备。接入平台的紫外线灯可按计划自动运行、自动记录。`,
    },
    {
      id: 'samples',
      title: '食品留样',
      minutes: 8,
      body: `学校和托幼机构食堂、养老机构、医院、建筑工地食堂、中央厨房、集体用餐配送单位，以及 100 人以上的聚餐，都要对每餐次的每个品种留样。

## 要求
- 每个品种不少于 125 克（有的省份学校要求 200 克，以地区配置为准）；
- 每个品种单独放入密封的专用容器，标明品名、餐次、时间；
- 冷藏 0–8 ℃，保存 48 小时以上，48 小时内不得处理。

留样记录包括菜品、餐次、重量、时间、存放设备和留样人。`,
    },
  ],
};

const CLEANING: DefaultCourse = {
  id: 'nat-course-cleaning',
  regionId: null,
  title: '餐饮具清洗消毒与环境卫生',
  summary: '四种消毒方式的温度、时间和浓度，保洁存放，虫害防制和垃圾管理。',
  roles: ['helper', 'cleaner', 'cook'],
  venueKinds: [],
  state: 'published',
  lessons: [
    {
      id: 'tableware',
      title: '餐饮具消毒',
      minutes: 10,
      body: `清洗消毒按“一刮、二洗、三冲、四消毒、五保洁”进行。

## 消毒参数
- 煮沸、蒸汽：100 ℃ 以上，10 分钟以上；
- 红外线消毒柜：120 ℃ 以上，10 分钟以上；
- 洗碗机：85 ℃ 以上，冲洗消毒 40 秒以上；
- 含氯消毒剂：有效氯 250 mg/L 以上，浸泡 5 分钟以上，之后用净水冲去残留。

消毒后的餐具自然滤干或烘干，不用抹布擦拭，放入专用保洁柜。每次消毒记录时间、餐具和数量、方式、参数和操作人员。`,
    },
    {
      id: 'premises',
      title: '环境卫生与虫害防制',
      minutes: 6,
      body: `地面保持清洁无积水，排水沟通畅并设防鼠网，门窗有纱网或风幕。垃圾桶加盖并及时清运，餐厨垃圾交有资质的单位处理。

灭蝇灯不装在操作台正上方。杀虫剂、消毒剂专柜存放、专人管理。视频分析会识别鼠患、垃圾桶未盖、陌生人闯入和动火离人，收到告警要及时处理并记录整改措施。`,
    },
  ],
};

const SCHOOL: DefaultCourse = {
  id: 'nat-course-school',
  regionId: null,
  title: '学校食堂食品安全与陪餐',
  summary: '校长负总责、每餐陪餐、每餐留样、不制售高风险食品、事故应急。',
  roles: ['principal', 'food_safety_manager', 'manager'],
  venueKinds: ['school_canteen', 'kindergarten_canteen'],
  state: 'published',
  lessons: [
    {
      id: 'school-duties',
      title: '学校的责任与陪餐',
      minutes: 8,
      body: `学校主要负责人对本校食品安全负总责。学校相关负责人每餐与学生共同用餐，并记录餐次、陪餐人、职务和意见；陪餐记录只适用于学校和幼儿园食堂。

中小学和幼儿园食堂不制售冷荤类、生食类食品和裱花蛋糕等高风险食品。每餐次留样，学生和外来人员不得进入加工区。`,
    },
    {
      id: 'emergency',
      title: '疑似食物中毒的应急处置',
      minutes: 6,
      body: `发现疑似食物中毒：立即停止供餐，封存留样和可疑食品、工具，保护现场，及时向有关部门报告，配合调查。不得销毁留样和剩余食品。`,
    },
  ],
};

const MANAGER: DefaultCourse = {
  id: 'nat-course-manager',
  regionId: null,
  title: '食品安全管理员：台账、告警与量化分级',
  summary: '每天的台账怎么管，告警怎么闭环，监管部门怎么评级，消费者怎么评价。',
  roles: ['food_safety_manager', 'manager'],
  venueKinds: [],
  state: 'published',
  lessons: [
    {
      id: 'daily',
      title: '每天的台账与告警',
      minutes: 8,
      body: `每天检查今日页：晨检是否覆盖全部在岗员工，进货、消毒、留样、专间消毒是否记录，学校是否有陪餐记录。断网时记录先保存在手机上，联网后自动提交。

告警来自传感器、视频识别和台账规则。处理告警：先确认，再纠正，最后填写整改措施关闭。未确认的告警会按升级策略反复通知。`,
    },
    {
      id: 'grading',
      title: '量化分级与红黑榜',
      minutes: 8,
      body: `动态评定：得分为总分除以检查项数，≥ 9.0 优秀（大笑脸），7.5–8.9 良好（微笑脸），6.0–7.4 一般（平脸）；低于 6.0 或两项以上关键项不合格，不予评级。年度等级 A、B、C 按过去 12 个月的平均值评定。新开业 3 个月内、发生事故后 6 个月内不给予动态等级。

消费者笑脸评价（菜品、卫生、服务）是单独的公开信号，与检查等级、台账完整度、视频违规一起计入红黑榜。`,
    },
  ],
};

export const DEFAULT_COURSES: readonly DefaultCourse[] = [
  BASICS,
  PURCHASE_STORAGE,
  PROCESSING,
  CLEANING,
  SCHOOL,
  MANAGER,
];
