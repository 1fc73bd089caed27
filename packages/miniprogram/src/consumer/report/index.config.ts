export default definePageConfig({ navigationBarTitleText: '告知与投诉' });
