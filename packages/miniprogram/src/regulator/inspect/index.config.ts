export default definePageConfig({ navigationBarTitleText: '现场检查' });
