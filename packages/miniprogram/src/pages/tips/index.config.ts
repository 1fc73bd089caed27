export default definePageConfig({ navigationBarTitleText: '安全贴士' });
