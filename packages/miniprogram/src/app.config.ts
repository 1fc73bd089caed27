// Consumer pages in the main package (kept small); operator pages in the `operator` subpackage.
export default defineAppConfig({
  pages: [
    'pages/scan/index',
    'pages/venue/index',
    'pages/rate/index',
    'pages/tips/index',
    'pages/mine/index',
    'pages/login/index',
  ],
  subPackages: [
    // Consumer pages beyond the first visit's (the main package is kept under 400 KB): the notice and complaint
    // form, the red and black lists.
    { root: 'consumer', pages: ['report/index', 'lists/index'] },
    {
      root: 'operator',
      pages: [
        'login/index',
        'today/index',
        'ledger/index',
        'records/index',
        'record/index',
        'alerts/index',
        'staff/index',
        'staff-edit/index',
        'devices/index',
        'rectification/index',
        'duties/index',
      ],
    },
    // Staff training (courses, exams, certificates) and the public certificate check: `training/`.
    {
      root: 'training',
      pages: ['courses/index', 'course/index', 'exam/index', 'certificates/index', 'verify/index'],
    },
    // Regulators on the phone: this week's plan, find a venue (name or QR), the on-site inspection: `regulator/`.
    { root: 'regulator', pages: ['login/index', 'plan/index', 'find/index', 'inspect/index'] },
  ],
  tabBar: {
    // Text at 4.5:1 on white; the icons are drawn in the same two colours (scripts/tab-icons.mjs).
    color: '#666666',
    selectedColor: '#067d40',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/scan/index',
        text: '扫码',
        iconPath: 'assets/tabbar/scan.png',
        selectedIconPath: 'assets/tabbar/scan-on.png',
      },
      {
        pagePath: 'pages/tips/index',
        text: '贴士',
        iconPath: 'assets/tabbar/tips.png',
        selectedIconPath: 'assets/tabbar/tips-on.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-on.png',
      },
    ],
  },
  window: {
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '明厨亮灶',
    navigationBarTextStyle: 'black',
    // WeChat draws its bar anyway; on H5 Taro draws one (title, back, home) only when asked: no dead ends.
    navigationStyle: 'default',
    backgroundColor: '#f5f5f5',
  },
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: '投诉时附上您所在的位置，便于监管部门核查' } },
});
