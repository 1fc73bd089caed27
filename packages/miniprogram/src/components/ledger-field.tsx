/** One ledger form field: its label (from the SDK), the input for its type, and the rule message right under it. */
import { Input, Picker, Switch, Text, Textarea, View } from '@tarojs/components';
import { fieldLabel } from '../ledger-form/describe';
import type { FieldMessage } from '../ledger-form/issues';
import type { FieldSpec } from '../ledger-form/specs';
import type { FormValue } from '../ledger-form/values';
import { PhotoInput } from './photo-field';

export interface StaffChoice {
  readonly id: string;
  readonly name: string;
  readonly unfit?: boolean;
}

interface Props {
  readonly field: FieldSpec;
  /** The field's hint for this venue (`fieldHint(field, profile)`). */
  readonly hint?: string | undefined;
  readonly value: FormValue | undefined;
  readonly message?: FieldMessage;
  readonly staff?: readonly StaffChoice[];
  readonly onChange: (value: FormValue) => void;
}

export function LedgerField({ field, hint, value, message, staff = [], onChange }: Props) {
  const label = fieldLabel(field);
  const id = `f-${field.path.replace(/\./g, '-')}`;
  return (
    <View className={`field ${message ? `field-${message.severity}` : ''}`} id={id}>
      <Text className="field-label">
        {label}
        {field.optional ? <Text className="field-optional">{field.whenNeeded ?? '（选填）'}</Text> : null}
      </Text>
      <FieldInput field={field} label={label} value={value} staff={staff} onChange={onChange} />
      {hint && !message ? <Text className="field-hint">{hint}</Text> : null}
      {message ? (
        <View role="alert" className="field-message" data-field={field.path}>
          <Text>{message.text}</Text>
        </View>
      ) : null}
    </View>
  );
}

function FieldInput({ field, label, value, staff, onChange }: Omit<Props, 'message' | 'hint'> & { label: string }) {
  const text = typeof value === 'string' ? value : '';
  switch (field.type) {
    case 'bool':
      return (
        <View className="field-switch">
          <Text>{value === true ? field.yes : field.no}</Text>
          <Switch
            aria-label={label}
            checked={value === true}
            color="#07c160"
            onChange={(e) => onChange(e.detail.value)}
          />
        </View>
      );
    case 'multi': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <View className="chips">
          {field.choices.map((c) => {
            const on = chosen.includes(c.value);
            return (
              <View
                key={c.value}
                className={`chip ${on ? 'chip-on' : ''}`}
                aria-pressed={on}
                onClick={() => onChange(on ? chosen.filter((v) => v !== c.value) : [...chosen, c.value])}
              >
                <Text>{c.label}</Text>
              </View>
            );
          })}
        </View>
      );
    }
    case 'select':
    case 'staff': {
      // Chips, not a wheel picker: one tap, large targets for wet or gloved hands.
      const choices =
        field.type === 'select'
          ? field.choices
          : (staff ?? []).map((s) => ({ value: s.id, label: s.unfit ? `${s.name}（今日不宜上岗）` : s.name }));
      if (choices.length === 0) return <Text className="placeholder">暂无可选项</Text>;
      return (
        <View className="chips" role="radiogroup" aria-label={label}>
          {choices.map((c) => (
            <View
              key={c.value}
              className={`chip ${text === c.value ? 'chip-on' : ''}`}
              role="radio"
              aria-checked={text === c.value}
              onClick={() => onChange(text === c.value && field.optional ? '' : c.value)}
            >
              <Text>{c.label}</Text>
            </View>
          ))}
        </View>
      );
    }
    case 'photo':
      return <PhotoInput label={label} value={value} onChange={onChange} />;
    case 'time':
    case 'date':
      return (
        <Picker mode={field.type} value={text} onChange={(e) => onChange(String(e.detail.value))}>
          <View className="picker" aria-label={label}>
            <Text className={text ? '' : 'placeholder'}>{text || `请选择${label}`}</Text>
          </View>
        </Picker>
      );
    case 'number':
      return (
        <View className="field-number">
          <Input
            className="input"
            aria-label={label}
            type="digit"
            value={text}
            placeholder={`请输入${label}`}
            onInput={(e) => onChange(e.detail.value)}
          />
          {field.unit ? <Text className="unit">{field.unit}</Text> : null}
        </View>
      );
    default:
      return field.type === 'text' && field.multiline ? (
        <Textarea
          className="textarea"
          aria-label={label}
          value={text}
          placeholder={`请输入${label}`}
          onInput={(e) => onChange(e.detail.value)}
        />
      ) : (
        <Input
          className="input"
          aria-label={label}
          value={text}
          placeholder={`请输入${label}`}
          onInput={(e) => onChange(e.detail.value)}
        />
      );
  }
}
