/** The console's frame: the left navigation, the header with the region picker, the page of the route, sign-in when signed out. */
import { lazy, Suspense, useState } from 'react';
import { chosenRegion, signedIn, signOut } from './api';
import { RegionPicker } from './components/region-picker';
import { AlertsPage } from './pages/alerts';
import { ComplaintsPage } from './pages/complaints';
import { CompletionPage } from './pages/completion';
import { DevicesPage } from './pages/devices';
import { DutiesPage } from './pages/duties';
import { ImportPage } from './pages/import';
import { InspectionsPage } from './pages/inspections';
import { ListsPage } from './pages/lists';
import { LoginPage } from './pages/login';
import { OverviewPage } from './pages/overview';
import { RatingsPage } from './pages/ratings';
import { RectificationsPage } from './pages/rectifications';
import { RiskPage } from './pages/risk';
import { SamplingPage } from './pages/sampling';
import { TipsPage } from './pages/tips';
import { TrainingPage } from './pages/training';
import { VenuePage } from './pages/venue';
import { go, useRoute } from './router';

/** The map and its boundaries load only when opened. */
const MapPage = lazy(() => import('./pages/map'));

const TITLES: Readonly<Record<string, string>> = { venue: '单位档案' };

const NAV = [
  ['overview', '总览'],
  ['risk', '风险排名与检查计划'],
  ['completion', '台账完成'],
  ['alerts', '告警与抓拍'],
  ['map', '电子地图'],
  ['devices', '设备'],
  ['complaints', '投诉与告知'],
  ['inspections', '检查记录'],
  ['rectifications', '整改通知'],
  ['sampling', '抽检任务'],
  ['lists', '红黑榜'],
  ['tips', '贴士与预警'],
  ['duties', '法定义务'],
  ['ratings', '满意度'],
  ['training', '培训考核'],
  ['import', '登记表导入'],
] as const;

export function App() {
  const [, refresh] = useState(0);
  const [page = 'overview', id = '', ...rest] = useRoute();
  if (!signedIn()) return <LoginPage onSignedIn={() => refresh((n) => n + 1)} />;
  return (
    <div className="shell">
      <nav>
        <div className="brand">明厨亮灶 · 监管</div>
        {NAV.map(([path, label]) => (
          <a key={path} href={`#/${path}`} className={page === path ? 'active' : undefined}>
            {label}
          </a>
        ))}
        <button type="button" className="sign-out" onClick={() => void signOut().finally(() => refresh((n) => n + 1))}>
          退出登录
        </button>
      </nav>
      <div className="content">
        <header className="top">
          <h1>{TITLES[page] ?? NAV.find(([path]) => path === page)?.[1] ?? '总览'}</h1>
          <RegionPicker onChange={() => refresh((n) => n + 1)} />
        </header>
        <main key={chosenRegion() ?? 'all'}>
          {page === 'venue' && id ? (
            <VenuePage venueId={id} />
          ) : page === 'risk' ? (
            <RiskPage />
          ) : page === 'completion' ? (
            <CompletionPage />
          ) : page === 'alerts' ? (
            <AlertsPage />
          ) : page === 'devices' ? (
            <DevicesPage />
          ) : page === 'inspections' ? (
            <InspectionsPage route={id ? [id, ...rest] : []} />
          ) : page === 'rectifications' ? (
            <RectificationsPage route={id ? [id, ...rest] : []} />
          ) : page === 'sampling' ? (
            <SamplingPage />
          ) : page === 'lists' ? (
            <ListsPage route={id ? [id, ...rest] : []} />
          ) : page === 'tips' ? (
            <TipsPage />
          ) : page === 'duties' ? (
            <DutiesPage />
          ) : page === 'complaints' ? (
            <ComplaintsPage />
          ) : page === 'ratings' ? (
            <RatingsPage />
          ) : page === 'training' ? (
            <TrainingPage />
          ) : page === 'import' ? (
            <ImportPage />
          ) : page === 'map' ? (
            <Suspense fallback={<p className="muted">正在加载地图…</p>}>
              <MapPage />
            </Suspense>
          ) : (
            <OverviewPage />
          )}
        </main>
      </div>
    </div>
  );
}

export { go };
