export default definePageConfig({ navigationBarTitleText: '法定义务与操作规范' });
