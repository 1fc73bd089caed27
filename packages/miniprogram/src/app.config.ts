// Consumer pages in the main package (kept small); operator pages in the `operator` subpackage.
export default defineAppConfig({
  pages: [
    'pages/scan/index',
    'pages/venue/index',
    'pages/rate/index',
    'pages/report/index',
    'pages/tips/index',
    'pages/mine/index',
  ],
  subPackages: [
    {
      root: 'operator',
      pages: ['login/index', 'today/index', 'ledger/index', 'alerts/index', 'staff/index', 'devices/index'],
    },
  ],
  tabBar: {
    color: '#888888',
    selectedColor: '#07c160',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/scan/index', text: '扫码' },
      { pagePath: 'pages/tips/index', text: '贴士' },
      { pagePath: 'pages/mine/index', text: '我的' },
    ],
  },
  window: {
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '明厨亮灶',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f5f5',
  },
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: '投诉时附上您所在的位置，便于监管部门核查' } },
});
