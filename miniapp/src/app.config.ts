import { colors } from './styles/tokens';

export default defineAppConfig({
  // Tab pages only in the main package; everything else lives in subpackages (CI caps the main package at 2 MB).
  pages: ['pages/index/index', 'pages/category/index', 'pages/cart/index', 'pages/mine/index'],
  subPackages: [
    {
      root: 'packages/product',
      pages: ['pages/detail/index', 'pages/search/index'],
    },
    {
      root: 'packages/member',
      pages: [
        'pages/signup/index',
        'pages/code/index',
        'pages/vouchers/index',
        'pages/coupon-centre/index',
        'pages/coupon-products/index',
        'pages/privacy/index',
        'pages/terms/index',
        'pages/addresses/index',
        'pages/address-edit/index',
      ],
    },
    {
      root: 'packages/store',
      pages: [
        'pages/login/index',
        'pages/scan/index',
        'pages/signup-code/index',
        'pages/sales/index',
        'pages/pickup/index',
      ],
    },
    {
      root: 'packages/loyalty',
      pages: ['pages/points/index', 'pages/tier/index', 'pages/mall/index', 'pages/gift/index', 'pages/my-gifts/index'],
    },
    {
      root: 'packages/order',
      pages: [
        'pages/checkout/index',
        'pages/list/index',
        'pages/detail/index',
        'pages/after-sale-apply/index',
        'pages/after-sales/index',
        'pages/after-sale-detail/index',
      ],
    },
    {
      root: 'packages/drop',
      pages: ['pages/detail/index', 'pages/list/index', 'pages/orders/index'],
    },
    {
      root: 'packages/promoter',
      pages: [
        'pages/center/index',
        'pages/apply/index',
        'pages/commissions/index',
        'pages/customers/index',
        'pages/team/index',
        'pages/materials/index',
        'pages/shares/index',
        'pages/withdraw/index',
        'pages/poster/index',
      ],
    },
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packages/product', 'packages/drop'] },
    // 会员码 must open fast at the till, also on a weak network; points and the mall are a tap away from 我的.
    'pages/mine/index': { network: 'all', packages: ['packages/member', 'packages/loyalty'] },
    // 立即购买 opens checkout at once.
    'packages/product/pages/detail/index': { network: 'all', packages: ['packages/order'] },
    // 立即抢购 opens the order to pay at once.
    'packages/drop/pages/detail/index': { network: 'all', packages: ['packages/order'] },
  },
  // Only the components a page renders are injected when it opens (WeChat's code-quality check: LAZYCODE_LOADING_OPEN).
  lazyCodeLoading: 'requiredComponents',
  // Privacy APIs WeChat refuses unless declared here (components/privacy-sheet/privacy-apis.ts lists what the code
  // calls; its spec fails when a call has no declaration): wx.chooseAddress, the address import at checkout.
  requiredPrivateInfos: ['chooseAddress'],
  // No `permission` block: WeChat reads one only for the location scopes (scope.userLocation…), and no page asks
  // for a location. The spec requires it as soon as one does.
  // H5 only (the weapp build leaves the key out of app.json): no slide animation between pages. Taro's router
  // hides the page being left on a timer as long as the animation; a 返回 pressed before that timer fires shows
  // the previous page and then the timer hides it again, leaving a blank tab page (seen under load in the
  // shopper-catalog suite's back-control check). Without the animation the page is hidden at once.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
  window: {
    // H5: Taro draws the navigation bar (title, and 返回 / 首页 on pages that are not tab pages), as WeChat does.
    navigationStyle: 'default',
    navigationBarTitleText: 'Tidepool 会员商城',
    navigationBarBackgroundColor: colors.surfaceWarm,
    navigationBarTextStyle: 'black',
    backgroundColor: colors.bg,
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: colors.tabBarText,
    selectedColor: colors.primary,
    backgroundColor: colors.card,
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/category/index',
        text: '分类',
        iconPath: 'assets/tabbar/category.png',
        selectedIconPath: 'assets/tabbar/category-active.png',
      },
      {
        pagePath: 'pages/cart/index',
        text: '购物车',
        iconPath: 'assets/tabbar/cart.png',
        selectedIconPath: 'assets/tabbar/cart-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
});
