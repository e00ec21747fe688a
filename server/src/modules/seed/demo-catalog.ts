/**
 * The demo brand's catalogue: what `pnpm start` shows on an empty database. Prices are fen. Images are SVGs
 * committed under server/assets/demo (rendered from this list by scripts/render-demo-images.mjs), served by the
 * server itself so the demo needs no external URL.
 */
export type DemoArt = 'candle' | 'bear' | 'headphones' | 'lipstick' | 'box' | 'cookie';

export interface DemoCategory {
  key: string;
  name: string;
  art: DemoArt;
}

export interface DemoProduct {
  key: string;
  category: string;
  name: string;
  subtitle: string;
  description: string;
  color: string;
  originalPriceFen: number | null;
  sales: number;
  skus: { code: string; specs: Record<string, string>; priceFen: number; stock: number }[];
}

export const DEMO_CATEGORIES: DemoCategory[] = [
  { key: 'fragrance', name: '香氛蜡烛', art: 'candle' },
  { key: 'plush', name: '毛绒公仔', art: 'bear' },
  { key: 'digital', name: '数码配件', art: 'headphones' },
  { key: 'beauty', name: '美妆个护', art: 'lipstick' },
  { key: 'home', name: '家居收纳', art: 'box' },
  { key: 'snacks', name: '休闲零食', art: 'cookie' },
];

const one = (code: string, priceFen: number, stock: number) => [{ code, specs: {}, priceFen, stock }];

export const DEMO_PRODUCTS: DemoProduct[] = [
  {
    key: 'candle-ocean',
    category: 'fragrance',
    name: '海盐鼠尾草香薰蜡烛',
    subtitle: '大豆蜡 · 约40小时燃烧',
    description: '清新海盐与鼠尾草的木质香调，天然大豆蜡，烟少味净。',
    color: '#7fb5c9',
    originalPriceFen: 5990,
    sales: 1280,
    skus: [
      { code: 'CDL-OCN-S', specs: { 规格: '小号 120g' }, priceFen: 3990, stock: 200 },
      { code: 'CDL-OCN-L', specs: { 规格: '大号 220g' }, priceFen: 5990, stock: 120 },
    ],
  },
  {
    key: 'candle-peach',
    category: 'fragrance',
    name: '白桃乌龙香薰蜡烛',
    subtitle: '甜而不腻的果茶香',
    description: '白桃的清甜叠加乌龙茶的回甘，适合卧室与书房。',
    color: '#f2a7a0',
    originalPriceFen: null,
    sales: 860,
    skus: one('CDL-PCH', 3990, 300),
  },
  {
    key: 'reed-diffuser',
    category: 'fragrance',
    name: '无火香薰藤条套装',
    subtitle: '100ml · 约60天留香',
    description: '无需点火，藤条持续扩香，附赠8根藤条。',
    color: '#b7a6d6',
    originalPriceFen: 6900,
    sales: 540,
    skus: [
      { code: 'DIF-LAV', specs: { 香型: '薰衣草' }, priceFen: 4900, stock: 150 },
      { code: 'DIF-CED', specs: { 香型: '雪松' }, priceFen: 4900, stock: 0 },
    ],
  },
  {
    key: 'plush-bear',
    category: 'plush',
    name: '软萌小熊毛绒公仔',
    subtitle: '超柔短毛绒 · 可机洗',
    description: '手感细腻的短毛绒面料，圆润造型，陪伴每一个夜晚。',
    color: '#d9a066',
    originalPriceFen: 9900,
    sales: 3120,
    skus: [
      { code: 'PL-BEAR-25', specs: { 尺寸: '25cm' }, priceFen: 5990, stock: 260 },
      { code: 'PL-BEAR-40', specs: { 尺寸: '40cm' }, priceFen: 8990, stock: 90 },
    ],
  },
  {
    key: 'plush-bunny',
    category: 'plush',
    name: '垂耳兔抱枕公仔',
    subtitle: '午睡抱枕两用',
    description: '长长的垂耳与软糯身体，既是公仔也是午睡抱枕。',
    color: '#f4c6d7',
    originalPriceFen: null,
    sales: 1490,
    skus: one('PL-BUNNY', 6990, 180),
  },
  {
    key: 'plush-keychain',
    category: 'plush',
    name: '迷你公仔挂件',
    subtitle: '盲盒款 · 随机发货',
    description: '6款造型随机发货，挂在包上的小确幸。',
    color: '#f7d774',
    originalPriceFen: null,
    sales: 5210,
    skus: one('PL-KEY', 2900, 500),
  },
  {
    key: 'earbuds',
    category: 'digital',
    name: '真无线蓝牙耳机',
    subtitle: '蓝牙5.3 · 续航24小时',
    description: '轻巧入耳，通话降噪，配充电仓总续航约24小时。',
    color: '#8e9aaf',
    originalPriceFen: 15900,
    sales: 2340,
    skus: [
      { code: 'EB-WHT', specs: { 颜色: '白色' }, priceFen: 9900, stock: 220 },
      { code: 'EB-BLK', specs: { 颜色: '黑色' }, priceFen: 9900, stock: 140 },
    ],
  },
  {
    key: 'power-bank',
    category: 'digital',
    name: '磁吸充电宝 5000mAh',
    subtitle: '轻薄磁吸 · 20W快充',
    description: '磁吸贴合手机背部，边充边用，支持20W快充。',
    color: '#9ad1b9',
    originalPriceFen: 12900,
    sales: 1760,
    skus: one('PB-5000', 8990, 160),
  },
  {
    key: 'cable',
    category: 'digital',
    name: '编织快充数据线',
    subtitle: '1米 · Type-C',
    description: '尼龙编织线身，耐弯折，支持60W快充。',
    color: '#c9b79c',
    originalPriceFen: null,
    sales: 4020,
    skus: one('CBL-C-1M', 1990, 600),
  },
  {
    key: 'phone-stand',
    category: 'digital',
    name: '折叠手机支架',
    subtitle: '多角度调节',
    description: '铝合金材质，可折叠收纳，追剧办公都合适。',
    color: '#a3b8cc',
    originalPriceFen: 3900,
    sales: 980,
    skus: one('STAND-FLD', 2590, 240),
  },
  {
    key: 'lip-balm',
    category: 'beauty',
    name: '水润保湿润唇膏',
    subtitle: '植物油脂 · 无色',
    description: '乳木果油与荷荷巴油滋润双唇，秋冬常备。',
    color: '#e88d8d',
    originalPriceFen: null,
    sales: 6800,
    skus: one('LIP-BALM', 1590, 800),
  },
  {
    key: 'hand-cream',
    category: 'beauty',
    name: '香氛护手霜三支装',
    subtitle: '30ml × 3 · 三种香型',
    description: '樱花、白茶、柑橘三种香型，清爽不黏腻。',
    color: '#f0b8c8',
    originalPriceFen: 5900,
    sales: 2650,
    skus: one('HC-TRIO', 3990, 300),
  },
  {
    key: 'cotton-pads',
    category: 'beauty',
    name: '柔软化妆棉 200片',
    subtitle: '双面 · 不掉絮',
    description: '双面设计，一面轻柔卸妆，一面细腻湿敷。',
    color: '#f3efe6',
    originalPriceFen: null,
    sales: 3900,
    skus: one('PAD-200', 1290, 700),
  },
  {
    key: 'storage-box',
    category: 'home',
    name: '桌面收纳盒',
    subtitle: '可叠加 · 三件套',
    description: '多格设计，收纳文具与小物，桌面清爽一整天。',
    color: '#b9d3a8',
    originalPriceFen: 4900,
    sales: 1320,
    skus: [
      { code: 'BOX-WHT', specs: { 颜色: '奶白' }, priceFen: 3490, stock: 210 },
      { code: 'BOX-GRN', specs: { 颜色: '浅绿' }, priceFen: 3490, stock: 130 },
    ],
  },
  {
    key: 'mug',
    category: 'home',
    name: '陶瓷马克杯',
    subtitle: '350ml · 可微波',
    description: '哑光釉面，握感温润，附赠杯垫。',
    color: '#e3c9a8',
    originalPriceFen: null,
    sales: 2210,
    skus: one('MUG-350', 2990, 260),
  },
  {
    key: 'towel',
    category: 'home',
    name: '纯棉毛巾两条装',
    subtitle: 'A类 · 柔软吸水',
    description: '长绒棉织造，柔软亲肤，吸水速干。',
    color: '#a9c7e8',
    originalPriceFen: 3990,
    sales: 3340,
    skus: one('TWL-2P', 2990, 400),
  },
  {
    key: 'shopping-bag',
    category: 'home',
    name: '环保帆布购物袋',
    subtitle: '加厚帆布 · 大容量',
    description: '加厚帆布，可折叠收纳，门店新会员可免费领取。',
    color: '#d6c7a1',
    originalPriceFen: null,
    sales: 8800,
    skus: one('BAG-CANVAS', 990, 1000),
  },
  {
    key: 'nut-mix',
    category: 'snacks',
    name: '每日坚果 7袋装',
    subtitle: '25g × 7 · 一周份',
    description: '腰果、巴旦木、核桃与蔓越莓科学配比，每日一袋。',
    color: '#c8a27a',
    originalPriceFen: 4990,
    sales: 5600,
    skus: one('NUT-7', 3590, 500),
  },
  {
    key: 'seaweed',
    category: 'snacks',
    name: '海苔脆片',
    subtitle: '原味 · 40g',
    description: '薄脆海苔夹心，咸香酥脆，追剧小零食。',
    color: '#7aa66d',
    originalPriceFen: null,
    sales: 4300,
    skus: one('SWD-40', 1290, 650),
  },
  {
    key: 'cookies',
    category: 'snacks',
    name: '黄油曲奇礼盒',
    subtitle: '408g · 丹麦风味',
    description: '精选黄油烘焙，酥松香浓，节日送礼佳品。',
    color: '#e6b86a',
    originalPriceFen: 8800,
    sales: 1900,
    skus: one('CK-408', 6800, 180),
  },
];

export const DEMO_BRAND = { code: 'tidepool', name: '潮汐生活' };

/** The demo's 热门搜索 (the operator changes them with PUT /api/admin/storefront/settings). */
export const DEMO_HOT_KEYWORDS = ['香薰蜡烛', '毛绒公仔', '蓝牙耳机', '曲奇', '护手霜'];

export const DEMO_STORES = [
  { code: 'SH001', name: '上海南京西路店', address: '上海市静安区南京西路1266号', timeZone: 'Asia/Shanghai' },
  { code: 'SH002', name: '上海徐家汇店', address: '上海市徐汇区虹桥路1号', timeZone: 'Asia/Shanghai' },
];

/** Demo staff. The passwords are for the local demo only; production accounts are created by operators. */
export const DEMO_PASSWORD = 'tidepool123';
export const DEMO_STAFF = [
  { username: 'cashier.sh001', role: 'cashier' as const, storeCode: 'SH001', displayName: '南京西路店收银员' },
  { username: 'cashier.sh002', role: 'cashier' as const, storeCode: 'SH002', displayName: '徐家汇店收银员' },
  { username: 'manager.sh001', role: 'store_manager' as const, storeCode: 'SH001', displayName: '南京西路店店长' },
  { username: 'operator', role: 'operator' as const, storeCode: null, displayName: '品牌运营' },
];

export function demoProductImage(key: string, view: number): string {
  return `/static/demo/products/${key}-${view}.svg`;
}

export function demoCategoryIcon(key: string): string {
  return `/static/demo/categories/${key}.svg`;
}
