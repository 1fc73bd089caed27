/**
 * The training routes as a client: `createTrainingClient(client)` over a `createClient()` (or Taro, Node) client,
 * which brings the session, the refresh and the typed errors. Its own entry, so apps without training skip it.
 */
import type { HttpRequest } from '../client/http.js';
import type { Certificate, CertificatePage, PublicCertificate } from './certificate.js';
import type { Course, CourseInput, CoursePage, CourseProgress, PublishState } from './course.js';
import type { TrainingCoverage } from './coverage.js';
import type { Attempt, ExamPage, SavedAnswer } from './exam.js';
import type { QuestionImportInput } from './import-contract.js';
import type { ExamAnswer } from './question.js';
import type { QuestionImportReport } from './question-import.js';
import type { VenueTraining } from './staff-status.js';

/** What the training client needs of a client: its request pipeline. */
export interface RequestingClient {
  request<T>(request: HttpRequest): Promise<T>;
}

/** The training routes (`/v1/training/…`, the public certificate check). */
export interface TrainingClient {
  courses(query?: { readonly regionId?: string }): Promise<CoursePage>;
  course(courseId: string): Promise<Course>;
  /** Publishes a course for a region (regulators: their regions; admins: also national, `regionId` absent). */
  publishCourse(input: CourseInput): Promise<Course>;
  /** Retires a course (no longer offered) or publishes it again. */
  setCourseState(courseId: string, state: PublishState): Promise<Course>;
  completeLesson(courseId: string, lessonId: string): Promise<CourseProgress>;
  exams(): Promise<ExamPage>;
  /** Starts an attempt, or resumes the one under way. */
  startExam(examId: string): Promise<Attempt>;
  attempt(attemptId: string): Promise<Attempt>;
  saveAnswer(attemptId: string, questionId: string, answer: ExamAnswer): Promise<SavedAnswer>;
  /** Submits, with any answers not yet saved. */
  submit(attemptId: string, answers?: Readonly<Record<string, ExamAnswer>>): Promise<Attempt>;
  certificates(query?: {
    readonly venueId?: string;
    readonly staffId?: string;
    readonly code?: string;
  }): Promise<CertificatePage>;
  certificate(certificateId: string): Promise<Certificate>;
  /** Revokes a certificate (its regions' regulators, admins), with the reason kept in the audit log. */
  revokeCertificate(certificateId: string, reason: string): Promise<Certificate>;
  /** The public check (no login). */
  verify(code: string): Promise<PublicCertificate>;
  venueTraining(venueId: string): Promise<VenueTraining>;
  coverage(query?: { readonly regionId?: string }): Promise<TrainingCoverage>;
  importQuestions(input: QuestionImportInput): Promise<QuestionImportReport>;
}

const seg = encodeURIComponent;

/**
 * The training client over any SDK client.
 * @example
 * const training = createTrainingClient(createTaroClient(taro, { baseURL }));
 * const attempt = await training.startExam(examId);
 */
export function createTrainingClient(client: RequestingClient): TrainingClient {
  const get = <T>(path: string, query?: Record<string, string | undefined>) =>
    client.request<T>({ method: 'GET', path, ...(query ? { query: defined(query) } : {}) });
  const send = <T>(method: 'POST' | 'PUT', path: string, body: unknown) => client.request<T>({ method, path, body });
  const attempt = (id: string) => `/v1/training/attempts/${seg(id)}`;
  return {
    courses: (query) => get('/v1/training/courses', { ...query }),
    course: (courseId) => get(`/v1/training/courses/${seg(courseId)}`),
    publishCourse: (input) => send('POST', '/v1/training/courses', input),
    setCourseState: (courseId, state) =>
      client.request({ method: 'PATCH', path: `/v1/training/courses/${seg(courseId)}`, body: { state } }),
    completeLesson: (courseId, lessonId) =>
      send('POST', `/v1/training/courses/${seg(courseId)}/lessons/${seg(lessonId)}/complete`, {}),
    exams: () => get('/v1/training/exams'),
    startExam: (examId) => send('POST', `/v1/training/exams/${seg(examId)}/attempts`, {}),
    attempt: (attemptId) => get(attempt(attemptId)),
    saveAnswer: (attemptId, questionId, answer) =>
      send('PUT', `${attempt(attemptId)}/answers/${seg(questionId)}`, { answer }),
    submit: (attemptId, answers) => send('POST', `${attempt(attemptId)}/submit`, answers ? { answers } : {}),
    certificates: (query) => get('/v1/training/certificates', { ...query }),
    certificate: (certificateId) => get(`/v1/training/certificates/${seg(certificateId)}`),
    revokeCertificate: (certificateId, reason) =>
      client.request({
        method: 'POST',
        path: `/v1/training/certificates/${seg(certificateId)}/revoke`,
        body: { reason },
      }),
    verify: (code) =>
      client.request({ method: 'GET', path: `/v1/public/certificates/${seg(code)}`, authenticate: false }),
    venueTraining: (venueId) => get(`/v1/venues/${seg(venueId)}/training`),
    coverage: (query) => get('/v1/training/coverage', { ...query }),
    importQuestions: (input) => send('POST', '/v1/training/questions/import', input),
  };
}

function defined(query: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) if (value !== undefined) out[key] = value;
  return out;
}
