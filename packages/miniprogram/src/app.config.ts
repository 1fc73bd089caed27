export default defineAppConfig({
  pages: ['pages/scan/index'],
  window: {
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '明厨亮灶',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f5f5',
  },
});
