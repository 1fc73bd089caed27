/** Valid examples of every domain entity, as a client or the server would send them. */

import type { Certificate, Course, Exam, ExamAnswer, Question } from '../../training/index.js';
import type { Alert, AlertResolveInput } from '../alert.js';
import type { Complaint, ComplaintInput } from '../complaint.js';
import type { Device } from '../device.js';
import type { Grade } from '../grade.js';
import type { Inspection } from '../inspection.js';
import type { Notice, NoticeInput } from '../notice.js';
import type { PublicVenueProfile } from '../public-profile.js';
import type { Rating, RatingInput, RatingSummary } from '../rating.js';
import type { Reading } from '../reading.js';
import type { Region } from '../region.js';
import type { Staff, StaffInput } from '../staff.js';
import type { Venue, VenueInput } from '../venue.js';
import type { Violation } from '../violation.js';

export const region: Region = { id: 'r-dongchangfu', name: '东昌府区', code: '371502', parentId: 'r-liaocheng' };

export const venueInput: VenueInput = {
  regionId: 'r-dongchangfu',
  name: '聊城市实验小学食堂',
  kind: 'school_canteen',
  licence: { number: 'JY33715020012345', issuedOn: '2022-03-01', expiresOn: '2027-02-28' },
  address: '山东省聊城市东昌府区东昌路 88 号',
  coordinates: { lat: 36.4567, lng: 115.985 },
  timeZone: 'Asia/Shanghai',
  hasLiveVideo: true,
  liveVideoUrl: 'https://video.example.org/live/lc-school-1.m3u8',
  openedOn: '2015-09-01',
};

export const venue: Venue = { id: 'v-1', ...venueInput, publicCode: 'Lc8xK2pQ', lastIncidentOn: '2021-05-10' };

export const staffInput: StaffInput = {
  name: '王芳',
  role: 'cook',
  phone: '+86 138-0000-0000',
  healthCertificate: { number: 'JK2024-0001', expiresOn: '2025-06-30' },
  trainingCertificate: { number: 'PX2024-0101', expiresOn: '2026-01-31' },
};

export const staff: Staff = { id: 's-1', venueId: 'v-1', ...staffInput };

export const device: Device = {
  id: 'd-1',
  venueId: 'v-1',
  kind: 'sensor',
  vendor: 'zigbee2mqtt',
  model: 'WSDCGQ11LM',
  locationKind: 'fridge',
  name: '冷藏柜 1',
  binding: { topic: 'zigbee2mqtt/fridge-1' },
};

export const reading: Reading = {
  deviceId: 'd-1',
  time: '2024-05-01T08:00:00+08:00',
  metric: 'temperature',
  value: 4.5,
  unit: '°C',
};

export const violation: Violation = {
  type: 'no_hat',
  vendorCode: 'safetyHelmetDetection',
  confidence: 0.92,
  cameraId: 'cam-1',
  channel: '34020000001320000001',
  time: '2024-05-01T11:32:05.120Z',
  snapshotRef: 'snapshots/2024/05/01/cam-1-113205.jpg',
};

export const alert: Alert = {
  id: 'a-1',
  venueId: 'v-1',
  source: 'violation',
  type: 'no_hat',
  severity: 'warning',
  state: 'resolved',
  openedAt: '2024-05-01T11:32:06+08:00',
  acknowledgedAt: '2024-05-01T11:35:00+08:00',
  resolvedAt: '2024-05-01T11:40:00+08:00',
  correctiveAction: '已提醒厨师佩戴工作帽',
  subject: 'cam-1',
  message: { zh: '后厨人员未戴帽', en: 'Kitchen staff without a hat' },
  details: { confidence: 0.92, snapshotRef: 'snapshots/x.jpg' },
};

export const alertResolve: AlertResolveInput = { correctiveAction: '已更换冷藏柜温控器' };

export const ratingInput: RatingInput = {
  faces: { dishes: 'satisfied', hygiene: 'neutral', service: 'dissatisfied' },
  comment: '菜品不错，服务慢',
};

export const rating: Rating = { venueId: 'v-1', ...ratingInput };

export const ratingSummary: RatingSummary = {
  count: 2,
  aspects: {
    dishes: { satisfied: 2, neutral: 0, dissatisfied: 0 },
    hygiene: { satisfied: 1, neutral: 1, dissatisfied: 0 },
    service: { satisfied: 0, neutral: 1, dissatisfied: 1 },
  },
  satisfactionRate: 0.5,
};

export const noticeInput: NoticeInput = {
  subject: '凉菜间未开紫外灯',
  body: '检查发现凉菜间使用前未进行空气消毒，请于期限内整改。',
  obligation: '餐饮服务食品安全操作规范（2018）专间要求',
  deadline: '2024-05-08',
};

export const notice: Notice = {
  id: 'n-1',
  venueId: 'v-1',
  senderRole: 'regulator',
  ...noticeInput,
  state: 'answered',
  sentAt: '2024-05-01T09:00:00+08:00',
  answer: '已整改，每次使用前紫外消毒 30 分钟',
  answeredAt: '2024-05-02T10:00:00+08:00',
};

export const complaintInput: ComplaintInput = {
  text: '餐桌有蟑螂',
  location: { lat: 36.45, lng: 115.98, address: '东昌路 88 号' },
  photos: [{ contentType: 'image/jpeg', dataBase64: '/9j/4AAQSkZJRgABAQ==' }],
};

export const complaint: Complaint = {
  id: 'c-1',
  venueId: 'v-1',
  text: '餐桌有蟑螂',
  location: { lat: 36.45, lng: 115.98 },
  photos: [
    { contentType: 'image/jpeg', size: 183_204 },
    { contentType: 'image/webp', size: 2 * 1024 * 1024 },
  ],
  state: 'submitted',
  submittedAt: '2024-05-01T12:00:00+08:00',
};

export const inspection: Inspection = {
  id: 'i-1',
  venueId: 'v-1',
  inspector: '李明',
  date: '2024-04-20',
  items: [
    { code: '1.1', title: '许可证在有效期内', key: true, score: 10, passed: true },
    { code: '3.2', title: '专间温度 ≤ 25 ℃', key: true, score: 8.5, passed: true },
  ],
  total: 18.5,
  score: 9.25,
};

export const grade: Grade = {
  dynamic: { face: 'excellent', score: 9.25, inspectedOn: '2024-04-20' },
  annual: { grade: 'A', year: 2023 },
};

export const course: Course = {
  id: 'course-1',
  regionId: null,
  title: '食品留样规范',
  summary: '留什么、留多少、留多久。',
  roles: ['cook', 'food_safety_manager'],
  venueKinds: [],
  lessons: [
    { id: 'weight', title: '留样数量', body: '每餐次每个品种留样不少于 125 克，冷藏 48 小时以上。', minutes: 5 },
  ],
  state: 'published',
  updatedAt: '2024-05-01T08:00:00.000Z',
};

export const exam: Exam = {
  id: 'exam-1',
  regionId: null,
  title: '食品安全基础考试',
  courseId: 'course-1',
  rules: [
    { topic: 'sample_retention', count: 2 },
    { topic: 'health_management', count: 1, roles: ['cook'] },
  ],
  passScore: 60,
  durationMinutes: 30,
  attemptsAllowed: 3,
  state: 'published',
};

export const paper: { questions: Question[]; passScore: number } = {
  passScore: 60,
  questions: [
    {
      id: 'q1',
      kind: 'single',
      stem: '留样至少保存多久？',
      topic: 'sample_retention',
      options: [
        { id: 'A', text: '24 小时' },
        { id: 'B', text: '48 小时' },
      ],
      answer: 'B',
    },
    {
      id: 'q2',
      kind: 'multiple',
      stem: '哪些症状须暂停接触直接入口食品的工作？',
      topic: 'health_management',
      options: [
        { id: 'A', text: '发热' },
        { id: 'B', text: '腹泻' },
        { id: 'C', text: '近视' },
      ],
      answers: ['A', 'B'],
    },
    { id: 'q3', kind: 'true_false', stem: '冷藏温度应在 0–8 ℃。', topic: 'storage_temperature', answer: true },
  ],
};

export const paperAnswers: Record<string, ExamAnswer> = { q1: 'B', q2: ['B', 'A'], q3: false };

export const certificate: Certificate = {
  id: 'cert-1',
  code: 'K7Q2M9XA3BCD',
  staffId: 's-1',
  holder: '张三',
  role: 'cook',
  venueId: 'v-1',
  venue: '聊城市实验小学食堂',
  regionId: 'r-1',
  course: '食品安全基础',
  examId: 'exam-1',
  issuedOn: '2024-02-01',
  expiresOn: '2025-01-31',
  valid: true,
};

export const publicProfile: PublicVenueProfile = {
  venueId: 'v-1',
  publicCode: 'Lc8xK2pQ',
  name: '聊城市实验小学食堂',
  kind: 'school_canteen',
  licence: { status: 'valid' },
  grade,
  listStatus: 'red',
  rating: ratingSummary,
  ledgersToday: {
    day: '2024-05-01',
    kinds: {
      morning_check: { done: 12, expected: 12, fit: 11 },
      tableware_disinfection: { done: 2, expected: 3 },
      sample_retention: { done: 8 },
    },
  },
  violations: { last7Days: { no_hat: 1 }, last30Days: { no_hat: 3, phone_use: 1, unknown: 2 } },
  liveVideo: {
    available: true,
    channels: [
      { area: 'cooking', hlsUrl: '/v1/live/l.cam_1.1796461860.sig/live.m3u8', expiresAt: '2026-12-05T09:11:00Z' },
    ],
  },
};
