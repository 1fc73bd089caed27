/** The course library: courses by staff role and venue kind, each a list of lessons, and a learner's progress. */
import * as v from 'valibot';
import { pageSchema } from '../contract/page.js';
import { STAFF_ROLES, VENUE_KINDS } from '../domain/enums.js';
import { IdSchema, InstantSchema, text } from '../domain/primitives.js';

/** Where a lesson's image or video is: an http(s) URL, or a path the platform serves (`/media/…`). */
export const MediaUrlSchema = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.regex(/^(?:https?:\/\/[^\s/?#]+[^\s]*|\/[^\s/][^\s]*)$/),
);

/** A picture of a lesson, with its caption. */
export const LessonImageSchema = v.object({ url: MediaUrlSchema, caption: v.optional(text(200)) });
/** Type of {@link LessonImageSchema}. */
export type LessonImage = v.InferOutput<typeof LessonImageSchema>;

/** A lesson: text (paragraphs separated by blank lines; `## ` heads a section, `- ` a list item), images, a video. */
export const LessonSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/)),
  title: text(100),
  body: text(20_000),
  images: v.optional(v.pipe(v.array(LessonImageSchema), v.maxLength(20))),
  videoUrl: v.optional(MediaUrlSchema),
  /** About how long it takes to read or watch. */
  minutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(240))),
});
/** A lesson. Type of {@link LessonSchema}. */
export type Lesson = v.InferOutput<typeof LessonSchema>;

/** Whether a course is offered: regulators publish courses for their region and retire them. */
export const PUBLISH_STATES = ['published', 'retired'] as const;
/** One of {@link PUBLISH_STATES}. */
export type PublishState = (typeof PUBLISH_STATES)[number];

const roles = v.pipe(v.array(v.picklist(STAFF_ROLES)), v.maxLength(STAFF_ROLES.length));
const venueKinds = v.pipe(v.array(v.picklist(VENUE_KINDS)), v.maxLength(VENUE_KINDS.length));
const lessons = v.pipe(v.array(LessonSchema), v.minLength(1), v.maxLength(50));

const courseEntries = {
  title: text(100),
  summary: text(500),
  /** Staff roles the course is meant for; empty: everyone. */
  roles,
  /** Venue kinds it is meant for; empty: every kind. */
  venueKinds,
  lessons,
};

/** Body of `POST /v1/training/courses`: a region's course (`regionId` absent: national, admins only). */
export const CourseInputSchema = v.object({ regionId: v.optional(IdSchema), ...courseEntries });
/** Type of {@link CourseInputSchema}. */
export type CourseInput = v.InferOutput<typeof CourseInputSchema>;

/** Body of `PATCH /v1/training/courses/{courseId}`: publish or retire. */
export const CourseStateInputSchema = v.object({ state: v.picklist(PUBLISH_STATES) });
/** Type of {@link CourseStateInputSchema}. */
export type CourseStateInput = v.InferOutput<typeof CourseStateInputSchema>;

/** A learner's progress in one course: the lessons done. */
export const CourseProgressSchema = v.object({
  courseId: IdSchema,
  completedLessons: v.array(v.string()),
  lessonCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** When the last lesson was done. */
  completedAt: v.optional(InstantSchema),
});
/** Type of {@link CourseProgressSchema}. */
export type CourseProgress = v.InferOutput<typeof CourseProgressSchema>;

/** A course with its lessons. */
export const CourseSchema = v.object({
  id: IdSchema,
  /** `null`: the national default set. */
  regionId: v.nullable(IdSchema),
  ...courseEntries,
  state: v.picklist(PUBLISH_STATES),
  /** The exam that certifies this course, when there is one. */
  examId: v.optional(IdSchema),
  updatedAt: InstantSchema,
  /** The caller's own progress, when the caller is a learner. */
  progress: v.optional(CourseProgressSchema),
});
/** A course. Type of {@link CourseSchema}. */
export type Course = v.InferOutput<typeof CourseSchema>;

/** A course in a list: its lessons' titles only. */
export const CourseSummarySchema = v.object({
  ...CourseSchema.entries,
  lessons: v.array(v.object({ id: v.string(), title: v.string(), minutes: v.optional(v.number()) })),
});
/** Type of {@link CourseSummarySchema}. */
export type CourseSummary = v.InferOutput<typeof CourseSummarySchema>;

/** A page of courses. */
export const CoursePageSchema = pageSchema(CourseSummarySchema);
/** Type of {@link CoursePageSchema}. */
export type CoursePage = v.InferOutput<typeof CoursePageSchema>;

/** The summary of a course (lessons without their bodies). */
export function toCourseSummary(course: Course): CourseSummary {
  return {
    ...course,
    lessons: course.lessons.map(({ id, title, minutes }) =>
      minutes === undefined ? { id, title } : { id, title, minutes },
    ),
  };
}
