/**
 * 课程管理 (in 培训考核): the courses offered in the regulator's regions and nationally, each retired or published
 * again, and a new course for the regulator's district: a title, a summary, who it is for and a first lesson
 * (text, with a video link if any).
 */
import { type Me, STAFF_ROLE_LABELS, type StaffRole } from '@brightkitchen/sdk';
import { createTrainingClient } from '@brightkitchen/sdk/training';
import { type FormEvent, useState } from 'react';
import { client } from '../api';
import { DataTable } from '../components/data-table';
import { useLoad } from '../components/use-load';
import { errorText, time } from '../format';
import { Loaded } from './loaded';

const training = createTrainingClient(client);

export function CoursesSection() {
  const [version, setVersion] = useState(0);
  const [state] = useLoad(
    () => Promise.all([training.courses(), client.request<Me>({ method: 'GET', path: '/v1/me' })]),
    String(version),
  );
  const [message, setMessage] = useState('');
  const reload = () => setVersion((n) => n + 1);
  return (
    <Loaded state={state}>
      {([courses, me]) => (
        <>
          <DataTable
            title="课程管理"
            file="培训课程"
            rows={courses.items}
            columns={[
              { title: '课程', value: (c) => c.title },
              { title: '范围', value: (c) => (c.regionId ? '本辖区' : '全国默认') },
              { title: '课时', value: (c) => c.lessons.length },
              { title: '状态', value: (c) => (c.state === 'published' ? '已发布' : '已下架') },
              { title: '更新', value: (c) => time(c.updatedAt) },
            ]}
            onRow={(c) => {
              if (!c.regionId) return setMessage('全国默认课程由平台管理员维护');
              const next = c.state === 'published' ? 'retired' : 'published';
              if (!window.confirm(`${next === 'retired' ? '下架' : '重新发布'}「${c.title}」？`)) return;
              training.setCourseState(c.id, next).then(
                () => {
                  setMessage(`已${next === 'retired' ? '下架' : '发布'}「${c.title}」`);
                  reload();
                },
                (error: unknown) => setMessage(errorText(error)),
              );
            }}
          />
          <p className="muted">点击本辖区课程可下架或重新发布。</p>
          {message ? <p role="status">{message}</p> : null}
          <NewCourse
            regionId={me.regionIds[0]}
            onPublished={(title) => {
              setMessage(`已发布「${title}」`);
              reload();
            }}
          />
        </>
      )}
    </Loaded>
  );
}

function NewCourse({ regionId, onPublished }: { regionId: string | undefined; onPublished: (title: string) => void }) {
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [lesson, setLesson] = useState('');
  const [videoUrl, setVideoUrl] = useState('');
  const [roles, setRoles] = useState<StaffRole[]>([]);
  const [message, setMessage] = useState('');
  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage('');
    try {
      await training.publishCourse({
        ...(regionId ? { regionId } : {}),
        title: title.trim(),
        summary: summary.trim(),
        roles,
        venueKinds: [],
        lessons: [
          {
            id: 'lesson-1',
            title: title.trim(),
            body: lesson.trim(),
            ...(videoUrl.trim() ? { videoUrl: videoUrl.trim() } : {}),
          },
        ],
      });
      onPublished(title.trim());
      setTitle('');
      setSummary('');
      setLesson('');
      setVideoUrl('');
    } catch (error) {
      setMessage(errorText(error));
    }
  }
  return (
    <form className="panel course-form" onSubmit={(e) => void submit(e)}>
      <h2>发布本辖区课程</h2>
      <label>
        课程名称
        <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={100} />
      </label>
      <label>
        简介
        <input value={summary} onChange={(e) => setSummary(e.target.value)} required maxLength={500} />
      </label>
      <fieldset>
        <legend>面向岗位（不选：全部）</legend>
        {(Object.keys(STAFF_ROLE_LABELS) as StaffRole[]).map((role) => (
          <label key={role} className="inline">
            <input
              type="checkbox"
              checked={roles.includes(role)}
              onChange={(e) => setRoles(e.target.checked ? [...roles, role] : roles.filter((r) => r !== role))}
            />
            {STAFF_ROLE_LABELS[role].zh}
          </label>
        ))}
      </fieldset>
      <label>
        第一课内容
        <textarea value={lesson} onChange={(e) => setLesson(e.target.value)} required rows={5} />
      </label>
      <label>
        视频链接（可选，https）
        <input value={videoUrl} onChange={(e) => setVideoUrl(e.target.value)} />
      </label>
      <button type="submit" className="primary">
        发布
      </button>
      {message ? (
        <p className="error" role="alert">
          {message}
        </p>
      ) : null}
    </form>
  );
}
