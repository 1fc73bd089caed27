/** The district's grades as a plain-text table (Chinese labels first; CJK characters count two columns). */
import { GRADE_FACE_LABELS, type OpenGrade, VENUE_KIND_LABELS } from '@brightkitchen/sdk';

const HEADERS = ['场所 Venue', '类型 Kind', '动态等级 Grade', '年度 Annual', '评价 Ratings', '满意度 Satisfied'];

/** Terminal columns of a string: East Asian wide characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch)
      ? 2
      : 1;
  return width;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function gradeRow(item: OpenGrade): string[] {
  const dynamic = item.grade.dynamic;
  const rate = item.rating.satisfactionRate;
  return [
    item.name,
    VENUE_KIND_LABELS[item.kind].zh,
    dynamic ? `${GRADE_FACE_LABELS[dynamic.face].zh} ${dynamic.score.toFixed(1)}` : '未检查',
    item.grade.annual ? `${item.grade.annual.grade} (${item.grade.annual.year})` : '—',
    String(item.rating.count),
    rate === null ? '—' : `${(rate * 100).toFixed(0)}%`,
  ];
}

export function gradesTable(items: readonly OpenGrade[]): string {
  const rows = [HEADERS, ...items.map(gradeRow)];
  const widths = HEADERS.map((_, col) => Math.max(...rows.map((row) => displayWidth(row[col] ?? ''))));
  const line = (row: readonly string[]) =>
    row
      .map((cell, col) => pad(cell, widths[col] ?? 0))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(HEADERS), rule, ...rows.slice(1).map(line)].join('\n');
}
