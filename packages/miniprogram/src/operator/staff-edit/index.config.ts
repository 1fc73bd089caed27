export default definePageConfig({ navigationBarTitleText: '员工档案' });
