/**
 * 政策权重: a regulator pins a factor's weight (0 ignores the factor) or lets it be learned again; the model is
 * refitted around the pins on the server, and the page reloads its ranking.
 */
import { RISK_FACTOR_LABELS, RISK_FACTORS, type RiskModel } from '@brightkitchen/sdk/warehouse';
import { useState } from 'react';
import { warehouse } from '../api';
import { errorText } from '../format';

type Factor = (typeof RISK_FACTORS)[number];

export function PolicyEditor({ model, onChanged }: { model: RiskModel; onChanged: () => void }) {
  const [factor, setFactor] = useState<Factor>(RISK_FACTORS[0]);
  const [weight, setWeight] = useState('0');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const pins = model.pins ?? {};

  async function save(next: Partial<Record<Factor, number>>) {
    setBusy(true);
    setNote('');
    try {
      await warehouse.setPolicy({ pins: next });
      onChanged();
    } catch (error) {
      setNote(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="policy-editor">
      <select aria-label="因素" value={factor} onChange={(e) => setFactor(e.target.value as Factor)}>
        {RISK_FACTORS.map((code) => (
          <option key={code} value={code}>
            {RISK_FACTOR_LABELS[code].zh}
          </option>
        ))}
      </select>
      <input
        aria-label="固定权重"
        type="number"
        step="0.1"
        min={-20}
        max={20}
        value={weight}
        onChange={(e) => setWeight(e.target.value)}
      />
      <button
        type="button"
        disabled={busy || weight.trim() === '' || Number.isNaN(Number(weight))}
        onClick={() => void save({ ...pins, [factor]: Number(weight) })}
      >
        固定权重
      </button>
      {(Object.keys(pins) as Factor[]).map((code) => (
        <button
          key={code}
          type="button"
          disabled={busy}
          onClick={() => {
            const { [code]: _removed, ...rest } = pins;
            void save(rest);
          }}
        >
          {`取消固定：${RISK_FACTOR_LABELS[code].zh}`}
        </button>
      ))}
      {note ? <span className="muted">{note}</span> : null}
    </div>
  );
}
