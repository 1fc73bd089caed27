/**
 * The national exam that certifies the basics course: 50 questions for every role (42 on what everyone must know,
 * 8 on the role's own work), 60 minutes, pass at 80 %, 3 attempts within 30 days.
 */
import type { Exam } from '@brightkitchen/sdk/training';

export const DEFAULT_EXAM: Exam = {
  id: 'nat-exam-basics',
  regionId: null,
  title: '餐饮服务从业人员食品安全培训考核',
  courseId: 'nat-course-basics',
  durationMinutes: 60,
  passScore: 80,
  attemptsAllowed: 3,
  state: 'published',
  rules: [
    { topic: 'law_and_duties', count: 4 },
    { topic: 'health_management', count: 5 },
    { topic: 'personal_hygiene', count: 5 },
    { topic: 'purchase_inspection', count: 4 },
    { topic: 'storage_temperature', count: 5 },
    { topic: 'processing_cooking', count: 5 },
    { topic: 'tableware_disinfection', count: 4 },
    { topic: 'sample_retention', count: 4 },
    { topic: 'environment_pests', count: 3 },
    { topic: 'supervision_grading', count: 3 },
    // The role's own work: 8 more questions each.
    { topic: 'special_room', count: 4, roles: ['cook', 'chef', 'food_safety_manager'] },
    { topic: 'processing_cooking', count: 4, roles: ['cook', 'chef'] },
    { topic: 'school_canteen', count: 4, roles: ['food_safety_manager', 'principal', 'manager'] },
    { topic: 'supervision_grading', count: 4, roles: ['manager', 'principal'] },
    { topic: 'tableware_disinfection', count: 4, roles: ['helper', 'cleaner'] },
    { topic: 'environment_pests', count: 4, roles: ['helper', 'cleaner'] },
  ],
};
