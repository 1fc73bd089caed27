export default definePageConfig({ navigationBarTitleText: '培训考试' });
