/**
 * `@tarojs/components` as plain DOM elements for component tests (jsdom): Taro's event shapes
 * (`e.detail.value`) are kept, so pages run unchanged.
 */
import { createElement, type ReactNode } from 'react';

type Props = Record<string, unknown> & { children?: ReactNode };

function pass(props: Props): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(props)) {
    if (k === 'onInput' || k === 'onConfirm' || k === 'loading' || k === 'mode' || k === 'range' || k === 'maxlength')
      continue;
    if (
      k === 'className' ||
      k === 'onClick' ||
      k === 'id' ||
      k === 'role' ||
      k.startsWith('aria-') ||
      k.startsWith('data-')
    )
      out[k] = v;
    if (k === 'children') out.children = v as ReactNode;
  }
  return out;
}

const detail = (value: unknown) => ({ detail: { value } });

export const View = (p: Props) => createElement('div', pass(p));
export const Text = (p: Props) => createElement('span', pass(p));
export const Button = (p: Props) =>
  createElement('button', { ...pass(p), disabled: Boolean(p.disabled), type: 'button' });
export const Image = (p: Props) => createElement('img', { ...pass(p), src: p.src as string, alt: '' });
export const Video = (p: Props) => createElement('video', { ...pass(p), src: p.src as string });
export const Input = (p: Props) =>
  createElement('input', {
    ...pass(p),
    type: p.password ? 'password' : 'text',
    value: (p.value as string) ?? '',
    placeholder: p.placeholder as string,
    onChange: (e: { target: { value: string } }) => (p.onInput as (e: unknown) => void)?.(detail(e.target.value)),
  });
export const Textarea = (p: Props) =>
  createElement('textarea', {
    ...pass(p),
    value: (p.value as string) ?? '',
    placeholder: p.placeholder as string,
    onChange: (e: { target: { value: string } }) => (p.onInput as (e: unknown) => void)?.(detail(e.target.value)),
  });
export const Switch = (p: Props) =>
  createElement('input', {
    ...pass(p),
    type: 'checkbox',
    checked: Boolean(p.checked),
    onChange: (e: { target: { checked: boolean } }) => (p.onChange as (e: unknown) => void)?.(detail(e.target.checked)),
  });
/** Time and date pickers carry a hidden `<input type="time|date">` a test can change (WeChat shows a wheel). */
export const Picker = (p: Props) =>
  p.mode === 'time' || p.mode === 'date'
    ? createElement(
        'div',
        pass(p),
        p.children,
        createElement('input', {
          type: p.mode,
          'data-picker': p.mode,
          'aria-hidden': true,
          value: (p.value as string) ?? '',
          onChange: (e: { target: { value: string } }) =>
            (p.onChange as (e: unknown) => void)?.(detail(e.target.value)),
        }),
      )
    : createElement('div', pass(p));
