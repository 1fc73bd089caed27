/**
 * 新建检查记录 (`#/inspections/new/{venueId}`): the checklist in force grouped by area (关键项 marked), each item
 * 符合 / 不符合 / 不适用 with a remark (required when 不符合) and photos, the date (Asia/Shanghai, not after today)
 * and type, a running score, the inspector's signature drawn on a canvas and the manager's countersignature (or
 * the reason it was declined). Photos and signatures go to the venue's photo store first (`ledgers.attachPhoto`),
 * then the record (`inspections.record`), all through the outbox; on its sent outcome the record opens.
 */
import {
  CHECKLIST_AREA_LABELS,
  type Checklist,
  type ChecklistArea,
  type ChecklistItem,
  INSPECTION_TYPES,
  type InspectionAnswer,
  type InspectionRecord,
  type InspectionResult,
  type InspectionType,
} from '@brightkitchen/sdk';
import { type PointerEvent, useRef, useState } from 'react';
import { client } from '../api';
import { useLoad } from '../components/use-load';
import { base64 } from '../file-base64';
import { ZONE } from '../format';
import { go } from '../router';
import { Loaded } from './loaded';

const RESULTS: readonly [InspectionResult, string][] = [
  ['conform', '符合'],
  ['nonconform', '不符合'],
  ['not_applicable', '不适用'],
];
const TYPE_TEXT: Readonly<Record<InspectionType, string>> = {
  routine: '日常检查',
  follow_up: '复查',
  special: '专项检查',
  complaint: '投诉处置',
};
const ERROR_TEXT: Readonly<Record<string, string>> = {
  INSPECTION_SIGNATURE_REQUIRED: '请检查员签名，并由负责人签名或注明拒签理由',
  INSPECTION_ITEM_UNKNOWN: '检查表中没有该项目，请刷新检查表后重试',
  INSPECTION_NOTHING_CHECKED: '至少需要一项“符合”或“不符合”的检查结果',
  INSPECTION_DATE_INVALID: '检查日期无效（不能晚于今天）',
  INSPECTION_PHOTO_MISSING: '照片或签名尚未上传成功，请重试',
};

/** Today in Asia/Shanghai as `YYYY-MM-DD`. */
const todayInZone = () => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());

type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';
const photoType = (t: string): PhotoType => (t === 'image/png' || t === 'image/webp' ? t : 'image/jpeg');

interface Answer {
  result?: InspectionResult;
  remark: string;
  photos: string[];
}

export function NewInspection({ venueId }: { venueId: string }) {
  const [state, reload] = useLoad(
    () => Promise.all([client.venues.get(venueId), client.inspections.checklist(venueId)]),
    venueId,
  );
  return (
    <Loaded state={state} retry={reload}>
      {([venue, checklist]) => <Form venueId={venueId} name={venue.name} checklist={checklist} />}
    </Loaded>
  );
}

function Form({ venueId, name, checklist }: { venueId: string; name: string; checklist: Checklist }) {
  const today = todayInZone();
  const [date, setDate] = useState(today);
  const [type, setType] = useState<InspectionType>('routine');
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [remark, setRemark] = useState('');
  const [managerName, setManagerName] = useState('');
  const [declined, setDeclined] = useState(false);
  const [declineReason, setDeclineReason] = useState('');
  const inspectorPad = useRef<SignaturePadHandle>({ drawn: false, png: () => '' });
  const managerPad = useRef<SignaturePadHandle>({ drawn: false, png: () => '' });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const answer = (code: string): Answer => answers[code] ?? { remark: '', photos: [] };
  const set = (code: string, patch: Partial<Answer>) =>
    setAnswers((all) => ({ ...all, [code]: { ...answer(code), ...patch } }));

  const checked = checklist.items.filter((i) => {
    const r = answers[i.code]?.result;
    return r === 'conform' || r === 'nonconform';
  });
  const total = checked.reduce((sum, i) => sum + (answers[i.code]?.result === 'conform' ? i.score : 0), 0);
  const score = checked.length ? total / checked.length : null;
  const areas = [...new Set(checklist.items.map((i) => i.area))] as ChecklistArea[];

  const submit = async () => {
    setError('');
    const given = checklist.items.filter((i) => answers[i.code]?.result);
    if (!checked.length) return setError(ERROR_TEXT.INSPECTION_NOTHING_CHECKED ?? '');
    const missing = given.find((i) => answers[i.code]?.result === 'nonconform' && !answers[i.code]?.remark.trim());
    if (missing) return setError(`“${missing.code} ${missing.title.zh}”不符合，请填写说明`);
    if (date > today) return setError(ERROR_TEXT.INSPECTION_DATE_INVALID ?? '');
    if (!inspectorPad.current.drawn) return setError('请检查员在签名框内签名');
    if (declined ? !declineReason.trim() : !managerName.trim() || !managerPad.current.drawn)
      return setError(declined ? '请填写负责人拒签理由' : '请填写负责人姓名并签名');
    setBusy(true);
    try {
      const upload = async (dataBase64: string, contentType: PhotoType) => {
        const { ref, queued } = await client.ledgers.attachPhoto(venueId, { contentType, dataBase64 });
        return { ref, settled: queued.settled };
      };
      const inspector = await upload(inspectorPad.current.png(), 'image/png');
      const manager = declined ? null : await upload(managerPad.current.png(), 'image/png');
      const list: InspectionAnswer[] = given.map((i) => {
        const a = answer(i.code);
        return {
          code: i.code,
          result: a.result ?? 'not_applicable',
          ...(a.remark.trim() ? { remark: a.remark.trim() } : {}),
          ...(a.photos.length ? { photos: a.photos } : {}),
        };
      });
      const queued = await client.inspections.record(venueId, {
        date,
        type,
        answers: list,
        inspectorSignature: inspector.ref,
        countersign: manager
          ? { kind: 'signed', name: managerName.trim(), signature: manager.ref }
          : {
              kind: 'declined',
              ...(managerName.trim() ? { name: managerName.trim() } : {}),
              reason: declineReason.trim(),
            },
        ...(remark.trim() ? { remark: remark.trim() } : {}),
      });
      void client.outbox.flush();
      const outcome = await queued.settled;
      if (outcome.state === 'failed') {
        setError(ERROR_TEXT[outcome.error.code] ?? outcome.error.message?.zh ?? outcome.error.code);
        return;
      }
      const { inspection } = outcome.result as { inspection: InspectionRecord };
      go(`inspections/${inspection.id}`);
    } catch (e) {
      const code = (e as { code?: string }).code ?? '';
      setError(ERROR_TEXT[code] ?? (e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="panel"
      data-testid="inspection-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <header className="panel-head">
        <h2>新建检查记录 · {name}</h2>
        <div className="panel-actions">
          <strong data-testid="running-score">
            {score === null ? '得分 —' : `得分 ${score.toFixed(1)}（${checked.length} 项已检查）`}
          </strong>
        </div>
      </header>
      <fieldset className="filters">
        <label>
          检查日期{' '}
          <input type="date" aria-label="检查日期" value={date} max={today} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label>
          检查类型{' '}
          <select aria-label="检查类型" value={type} onChange={(e) => setType(e.target.value as InspectionType)}>
            {INSPECTION_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_TEXT[t]}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      {areas.map((area) => (
        <section key={area}>
          <h3>{CHECKLIST_AREA_LABELS[area]?.zh ?? area}</h3>
          {checklist.items
            .filter((i) => i.area === area)
            .map((item) => (
              <Item
                key={item.code}
                item={item}
                answer={answer(item.code)}
                venueId={venueId}
                set={(p) => set(item.code, p)}
              />
            ))}
        </section>
      ))}
      <label>
        总体意见{' '}
        <textarea aria-label="总体意见" value={remark} maxLength={1000} onChange={(e) => setRemark(e.target.value)} />
      </label>
      <h3>检查员签名</h3>
      <SignaturePad label="检查员签名" handle={inspectorPad} />
      <h3>负责人签字</h3>
      <label>
        负责人姓名{' '}
        <input aria-label="负责人姓名" value={managerName} onChange={(e) => setManagerName(e.target.value)} />
      </label>
      <label>
        <input
          type="checkbox"
          aria-label="负责人拒签"
          checked={declined}
          onChange={(e) => setDeclined(e.target.checked)}
        />{' '}
        负责人拒签
      </label>
      {declined ? (
        <label>
          拒签理由{' '}
          <input aria-label="拒签理由" value={declineReason} onChange={(e) => setDeclineReason(e.target.value)} />
        </label>
      ) : (
        <SignaturePad label="负责人签名" handle={managerPad} />
      )}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy}>
        {busy ? '正在提交…' : '提交检查记录'}
      </button>
    </form>
  );
}

function Item({
  item,
  answer,
  venueId,
  set,
}: {
  item: ChecklistItem;
  answer: Answer;
  venueId: string;
  set: (patch: Partial<Answer>) => void;
}) {
  const [uploading, setUploading] = useState(false);
  return (
    <div className="checklist-item" data-testid={`item-${item.code}`}>
      <p>
        {item.code} {item.title.zh} {item.key ? <strong className="key-item">关键项</strong> : null}{' '}
        <span className="muted">（{item.score} 分）</span>
      </p>
      {RESULTS.map(([result, text]) => (
        <label key={result}>
          <input
            type="radio"
            name={`result-${item.code}`}
            aria-label={`${item.code} ${text}`}
            checked={answer.result === result}
            onChange={() => set({ result })}
          />{' '}
          {text}
        </label>
      ))}
      <input
        aria-label={`${item.code} 说明`}
        placeholder={answer.result === 'nonconform' ? '请说明不符合的情况（必填）' : '说明（可选）'}
        maxLength={500}
        value={answer.remark}
        onChange={(e) => set({ remark: e.target.value })}
      />
      <input
        type="file"
        accept="image/*"
        aria-label={`${item.code} 照片`}
        disabled={uploading || answer.photos.length >= 6}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          setUploading(true);
          void base64(file)
            .then((dataBase64) =>
              client.ledgers.attachPhoto(venueId, { contentType: photoType(file.type), dataBase64 }),
            )
            .then(({ ref }) => set({ photos: [...answer.photos, ref] }))
            .finally(() => setUploading(false));
        }}
      />
      {answer.photos.length ? <span className="muted">已附 {answer.photos.length} 张照片</span> : null}
    </div>
  );
}

interface SignaturePadHandle {
  drawn: boolean;
  /** The drawing as PNG, base64 without the `data:` prefix. */
  png: () => string;
}

/** A signature drawn with the mouse, pen or finger on a canvas. */
function SignaturePad({ label, handle }: { label: string; handle: { current: SignaturePadHandle } }) {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const [drawn, setDrawn] = useState(false);
  const at = (e: PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  };
  handle.current = {
    drawn,
    png: () => canvas.current?.toDataURL('image/png').replace(/^data:image\/png;base64,/, '') ?? '',
  };
  return (
    <div className="signature">
      <canvas
        ref={canvas}
        aria-label={label}
        width={400}
        height={150}
        style={{ border: '1px solid #999', touchAction: 'none', background: '#fff' }}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture?.(e.pointerId);
          last.current = at(e);
        }}
        onPointerMove={(e) => {
          const from = last.current;
          const ctx = canvas.current?.getContext('2d');
          if (!from || !ctx) return;
          const to = at(e);
          ctx.lineWidth = 2;
          ctx.lineCap = 'round';
          ctx.beginPath();
          ctx.moveTo(from.x, from.y);
          ctx.lineTo(to.x, to.y);
          ctx.stroke();
          last.current = to;
          if (!drawn) setDrawn(true);
        }}
        onPointerUp={() => {
          last.current = null;
        }}
        onPointerLeave={() => {
          last.current = null;
        }}
      />
      <button
        type="button"
        onClick={() => {
          const c = canvas.current;
          c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
          setDrawn(false);
        }}
      >
        重签
      </button>
    </div>
  );
}
