export default definePageConfig({ navigationBarTitleText: '本周检查计划' });
