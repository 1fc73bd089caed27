export default definePageConfig({ navigationBarTitleText: '明厨亮灶' });
