/**
 * 单位: a venue's archive, its risk factors, its alerts with their evidence, its cameras live, and its records
 * (inspection grade, ledgers, devices, complaints and notices, ratings).
 */
import { CAMERA_AREA_LABELS, type CameraChannel, VENUE_KIND_LABELS } from '@brightkitchen/sdk';
import { RISK_FACTOR_LABELS } from '@brightkitchen/sdk/warehouse';
import { useState } from 'react';
import { client, warehouse } from '../api';
import { AlertEvidence } from '../components/alert-recording';
import { DataTable } from '../components/data-table';
import { HlsVideo } from '../components/hls-video';
import { useLoad } from '../components/use-load';
import { VenueRectifications } from '../components/venue-rectifications';
import { errorText, time } from '../format';
import { go } from '../router';
import { Loaded } from './loaded';
import { VenueRecords } from './venue-records';

const STATE_TEXT = { live: '直播中', idle: '待机', unavailable: '画面中断' } as const;

export function VenuePage({ venueId }: { venueId: string }) {
  const [state] = useLoad(
    () =>
      Promise.all([
        client.venues.get(venueId),
        warehouse.venueRisk(venueId).catch(() => null),
        client.alerts.list({ venueId, limit: 20 }),
        client.cameras.list(venueId),
      ]),
    venueId,
  );
  return (
    <Loaded state={state}>
      {([venue, risk, alerts, cameras]) => (
        <>
          <section className="panel">
            <header className="panel-head">
              <h2>{venue.name}</h2>
              <div className="panel-actions">
                <button type="button" onClick={() => go(`inspections/venue/${venue.id}`)}>
                  检查记录
                </button>
                <button type="button" onClick={() => go(`inspections/new/${venue.id}`)}>
                  新建检查记录
                </button>
                <button type="button" onClick={() => go(`rectifications/new/${venue.id}/other`)}>
                  下达整改通知
                </button>
              </div>
            </header>
            <dl className="archive">
              <dt>业态</dt>
              <dd>{VENUE_KIND_LABELS[venue.kind]?.zh ?? venue.kind}</dd>
              <dt>许可证</dt>
              <dd>{`${venue.licence.number}（${venue.licence.issuedOn} 至 ${venue.licence.expiresOn}）`}</dd>
              <dt>地址</dt>
              <dd>{venue.address}</dd>
              <dt>扫码页</dt>
              <dd>
                <a href={`/app/#/pages/venue/index?code=${venue.publicCode}`} target="_blank" rel="noreferrer">
                  {venue.publicCode}
                </a>
              </dd>
            </dl>
          </section>
          {risk ? (
            <DataTable
              title={`风险因素：排名第 ${risk.rank}，风险分 ${risk.score.toFixed(2)}`}
              file={`风险因素-${venue.name}`}
              rows={risk.factors}
              columns={[
                { title: '因素', value: (f) => RISK_FACTOR_LABELS[f.code].zh },
                { title: '取值', value: (f) => f.value.toFixed(2) },
                { title: '贡献', value: (f) => f.contribution.toFixed(3) },
              ]}
            />
          ) : null}
          <section className="panel">
            <h2>后厨摄像头</h2>
            {cameras.items.length === 0 ? <p className="muted">未接入摄像头</p> : null}
            <div className="cameras">
              {cameras.items.map((c) => (
                <Camera key={c.id} camera={c} />
              ))}
            </div>
          </section>
          <section className="panel">
            <h2>告警</h2>
            {alerts.items.length === 0 ? <p className="muted">暂无告警</p> : null}
            {alerts.items.map((a) => (
              <div key={a.id} className="alert-row">
                <div>
                  <strong>{a.message.zh}</strong>
                  <span className="muted">{` ${time(a.openedAt)}`}</span>
                </div>
                <AlertEvidence alert={a} />
              </div>
            ))}
          </section>
          <VenueRectifications venueId={venue.id} />
          <VenueRecords venue={venue} />
        </>
      )}
    </Loaded>
  );
}

function Camera({ camera }: { camera: CameraChannel }) {
  const [recording, setRecording] = useState<{ url?: string; note?: string }>({});
  async function lastMinutes() {
    try {
      const to = new Date();
      const from = new Date(to.getTime() - 5 * 60_000);
      const playback = await client.cameras.playback(camera.venueId, camera.id, {
        from: from.toISOString(),
        to: to.toISOString(),
      });
      setRecording({ url: playback.hlsUrl });
    } catch (error) {
      setRecording({ note: errorText(error) });
    }
  }
  return (
    <div className="camera">
      <div>
        <strong>{`${CAMERA_AREA_LABELS[camera.area].zh} · ${camera.name}`}</strong>
        <span className={`tag tag-${camera.state}`}>{STATE_TEXT[camera.state]}</span>
        {camera.public ? <span className="tag">对公众开放</span> : null}
      </div>
      {recording.url ? <HlsVideo src={recording.url} label={`${camera.name} 录像`} /> : null}
      {camera.record && !recording.url ? (
        <button type="button" onClick={() => void lastMinutes()}>
          回放最近 5 分钟
        </button>
      ) : null}
      {recording.note ? <span className="muted">{recording.note}</span> : null}
    </div>
  );
}
