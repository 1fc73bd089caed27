// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ShimRequest, shim } from '../testing/taro-shim';

vi.mock('@tarojs/taro', () => import('../testing/taro-shim'));
vi.mock('@tarojs/components', () => import('../testing/taro-components'));
vi.mock('@brightkitchen/sdk', () => import('../../../sdk/src/index'));
vi.mock('@brightkitchen/sdk/taro', () => import('../../../sdk/src/taro/index'));
vi.mock('@brightkitchen/sdk/training', () => import('../../../sdk/src/training/index'));
vi.mock('./training.css', () => ({}));
vi.mock('../training.css', () => ({}));

const { default: ExamPage } = await import('./exam/index');
const { default: VerifyPage } = await import('./verify/index');
const { default: CertificatesPage } = await import('./certificates/index');

const session = { accessToken: 'a1', refreshToken: 'r1', expiresAt: Date.now() + 3_600_000, user: { id: 'u1' } };
const json = (statusCode: number, data: unknown) => ({ statusCode, data });
const now = new Date();

const attempt = {
  id: 'att1',
  examId: 'exam1',
  examTitle: '餐饮服务从业人员食品安全培训考核',
  staffId: 's1',
  venueId: 'v1',
  state: 'open',
  attemptNo: 1,
  attemptsAllowed: 3,
  passScore: 80,
  startedAt: now.toISOString(),
  deadline: new Date(now.getTime() + 3_600_000).toISOString(),
  serverNow: now.toISOString(),
  paper: [
    {
      id: 'q1',
      kind: 'single',
      stem: '留样至少冷藏多久？',
      topic: 'sample_retention',
      options: [
        { id: 'A', text: '24 小时' },
        { id: 'B', text: '48 小时' },
      ],
    },
    { id: 'q2', kind: 'true_false', stem: '冷藏温度为 0–8 ℃。', topic: 'storage_temperature' },
  ],
  answers: {},
};

beforeEach(() => {
  shim.reset();
  shim.storage.set('bk-operator:venue', JSON.stringify({ id: 'v1', name: '第一中学食堂', timeZone: 'Asia/Shanghai' }));
  shim.storage.set('bk-operator:session', JSON.stringify(session));
});
afterEach(cleanup);

const path = (req: ShimRequest) => `${req.method} ${new URL(req.url).pathname}`;

describe('the exam page', () => {
  it('shows the paper without a key, saves each answer as it is given, submits and shows the result and review', async () => {
    const saved: Record<string, unknown> = {};
    shim.params = { id: 'exam1' };
    shim.answer = (req) => {
      const p = path(req);
      if (p === 'POST /v1/training/exams/exam1/attempts') return json(201, attempt);
      if (p.startsWith('PUT /v1/training/attempts/att1/answers/')) {
        const q = p.split('/').pop() as string;
        saved[q] = JSON.parse(req.data ?? '{}').answer;
        return json(200, { questionId: q, savedAt: new Date().toISOString(), answered: Object.keys(saved).length });
      }
      if (p === 'POST /v1/training/attempts/att1/submit') {
        return json(200, {
          ...attempt,
          state: 'submitted',
          answers: saved,
          result: { score: 50, passed: false, correct: 1, total: 2, byTopic: {} },
          review: [
            { questionId: 'q1', correct: true, given: 'B', answer: 'B' },
            { questionId: 'q2', correct: false, given: false, answer: true, explanation: '冷藏为 0–8 ℃。' },
          ],
        });
      }
      return 'offline';
    };
    render(createElement(ExamPage));
    await screen.findByText('留样至少冷藏多久？');
    fireEvent.click(screen.getByText('48 小时'));
    await waitFor(() => expect(saved).toEqual({ q1: 'B' }));
    await screen.findByText('已保存');
    fireEvent.click(screen.getByText('下一题'));
    fireEvent.click(await screen.findByText('错误'));
    await waitFor(() => expect(saved).toEqual({ q1: 'B', q2: false }));
    fireEvent.click(screen.getByText('交卷'));
    await screen.findByText('50 分 · 不合格');
    expect(screen.getByText('你的答案：错误')).toBeTruthy();
    expect(screen.getByText('正确答案：正确')).toBeTruthy();
    expect(screen.getByText('解析：冷藏为 0–8 ℃。')).toBeTruthy();
  });

  it('keeps an answer given offline on the phone and says it waits to be sent', async () => {
    shim.params = { id: 'exam1' };
    shim.answer = (req) => (path(req) === 'POST /v1/training/exams/exam1/attempts' ? json(201, attempt) : 'offline');
    render(createElement(ExamPage));
    fireEvent.click(await screen.findByText('24 小时'));
    await screen.findByText('网络不通，1 题待同步');
    const kept = JSON.parse(shim.storage.get('bk-training:attempt:att1') ?? '{}');
    expect(kept.pending).toEqual({ q1: 'A' });
    expect(shim.storage.get('bk-training:open:exam1')).toBe('att1');
  });
});

describe('the certificate check', () => {
  it('verifies a code from the link without a login, and says so for an unknown one', async () => {
    shim.storage.clear();
    shim.params = { code: 'k7q2-m9xa-3bcd' };
    shim.answer = (req) =>
      path(req) === 'GET /v1/public/certificates/K7Q2M9XA3BCD'
        ? json(200, {
            valid: true,
            holder: '张*',
            venue: '第一中学食堂',
            course: '餐饮服务从业人员食品安全基础',
            issuedOn: '2025-01-10',
            expiresOn: '2026-01-09',
          })
        : json(404, { code: 'CERTIFICATE_NOT_FOUND', message: { zh: '没有该编号的培训合格证', en: 'No certificate' } });
    render(createElement(VerifyPage));
    await screen.findByText('✓ 证书有效');
    expect(screen.getByText('持证人：张*')).toBeTruthy();
    expect(shim.requests[0]?.header.authorization).toBeUndefined();
    fireEvent.change(screen.getByLabelText('验证码'), { target: { value: 'ABCD-EFGH-JKMN' } });
    fireEvent.click(screen.getByText('核验'));
    await screen.findByText('✗ 查无此证');
  });
});

describe('my certificates', () => {
  it('shows each certificate with its code and a QR code of the public check', async () => {
    shim.answer = (req) =>
      path(req) === 'GET /v1/training/certificates'
        ? json(200, {
            items: [
              {
                id: 'crt1',
                code: 'K7Q2M9XA3BCD',
                staffId: 's1',
                holder: '张三',
                venueId: 'v1',
                venue: '第一中学食堂',
                regionId: 'r1',
                course: '餐饮服务从业人员食品安全基础',
                examId: 'exam1',
                issuedOn: '2025-01-10',
                expiresOn: '2099-01-09',
                valid: true,
              },
            ],
            nextCursor: null,
          })
        : 'offline';
    render(createElement(CertificatesPage));
    await screen.findByText('K7Q2-M9XA-3BCD');
    const qr = screen.getByLabelText('证书核验二维码') as HTMLImageElement;
    expect(qr.getAttribute('src')).toMatch(/^data:image\/gif;base64,/);
    expect(document.querySelector('[data-verify-url]')?.getAttribute('data-verify-url')).toBe(
      'https://api.test/app/#/training/verify/index?code=K7Q2M9XA3BCD',
    );
  });
});
