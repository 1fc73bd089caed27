// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { shim } from '../../testing/taro-shim';

vi.mock('@tarojs/taro', () => import('../../testing/taro-shim'));
vi.mock('@tarojs/components', () => import('../../testing/taro-components'));
vi.mock('@brightkitchen/sdk', () => import('../../../../sdk/src/index'));
vi.mock('@brightkitchen/sdk/taro', () => import('../../../../sdk/src/taro/index'));

const { LedgerForm } = await import('./index');
const { ledgerPhotoRef } = await import('@brightkitchen/sdk');

/** The start of a JPEG (13 bytes), as picked. */
const INVOICE = '/9j/4AAQSkZJRgABAQ==';
const SAMPLE = '/9j/4AAQSkZJRgABAg==';
const RECEIPT = '/9j/4AAQSkZJRgABAw==';

const field = (path: string) => document.getElementById(`f-${path.replace(/\./g, '-')}`) as HTMLElement;
const type = (path: string, value: string) =>
  fireEvent.change(within(field(path)).getByRole('textbox'), { target: { value } });
type OutboxItem = { kind: string; path: string; body: Record<string, unknown> };
const outbox = (): OutboxItem[] => JSON.parse(shim.storage.get('bk-operator:outbox') ?? '[]');

function pickable(path: string, dataBase64: string, size = 40_000) {
  shim.picked = [{ path, size }];
  shim.files.set(path, dataBase64);
}

function fillPurchase(productName = '大米') {
  type('productName', productName);
  fireEvent.click(within(field('category')).getByText('粮油'));
  type('spec', '25 千克/袋');
  type('quantity', '4');
  type('unit', '袋');
  type('batch', 'B20240614');
  type('supplier.name', '城南粮油店');
  type('supplier.address', '城南路 1 号');
  type('supplier.contact', '13800000000');
  type('supplier.licenceNo', 'JY13301000000001');
  type('certificateNo', 'JC-2024-001');
}

async function takePhoto(path: string, label: string) {
  fireEvent.click(within(field(path)).getByText('拍照/选择照片'));
  return within(field(path)).findByLabelText(`${label}预览`);
}

const purchase = () =>
  render(createElement(LedgerForm, { kind: 'purchase_inspection', venueId: 'v1', timeZone: 'Asia/Shanghai' }));

beforeEach(() => shim.reset());
afterEach(cleanup);

// The operator client (and its outbox) lives for the whole file, as on the phone: the first test sees an empty
// outbox; later ones look for what they added (the outbox may write what earlier tests queued when it retries).
describe('ledger photos', () => {
  it('queues the invoice photo first, then the purchase record that names it, with no network', async () => {
    purchase();
    fillPurchase();
    pickable('wxfile://tmp/invoice.jpg', INVOICE);
    const thumbnail = await takePhoto('invoicePhotoRef', '票据凭证照片');
    expect(thumbnail.getAttribute('src')).toBe('wxfile://tmp/invoice.jpg');
    expect(within(field('invoicePhotoRef')).getByText('重拍')).toBeTruthy();
    fireEvent.click(screen.getByText('保存'));
    await screen.findByTestId('saved-waiting');
    const [photo, record, ...rest] = outbox();
    expect(rest).toEqual([]);
    expect(photo).toMatchObject({
      kind: 'ledger-photo',
      path: '/v1/venues/v1/ledger-photos',
      body: { contentType: 'image/jpeg', dataBase64: INVOICE },
    });
    expect(record).toMatchObject({ kind: 'ledger', path: '/v1/venues/v1/ledgers' });
    expect(record?.body).toMatchObject({ kind: 'purchase_inspection', productName: '大米' });
    expect(record?.body.invoicePhotoRef).toBe(ledgerPhotoRef(INVOICE));
  });

  it('a removed photo is gone; the purchase rules then ask for it at the field and nothing is queued', async () => {
    purchase();
    fillPurchase('面粉');
    pickable('wxfile://tmp/invoice.jpg', INVOICE);
    await takePhoto('invoicePhotoRef', '票据凭证照片');
    fireEvent.click(within(field('invoicePhotoRef')).getByText('删除照片'));
    expect(within(field('invoicePhotoRef')).queryByLabelText('票据凭证照片预览')).toBeNull();
    fireEvent.click(screen.getByText('保存'));
    expect(within(field('invoicePhotoRef')).getByRole('alert').textContent).toContain('票据凭证照片');
    expect(screen.queryByTestId('saved')).toBeNull();
    expect(outbox().filter((i) => i.body.productName === '面粉')).toEqual([]);
  });

  it('refuses a photo still over 512 KiB after compressing harder, in Chinese, and attaches nothing', async () => {
    purchase();
    pickable('wxfile://tmp/big.jpg', 'A'.repeat(800_000), 3_000_000);
    fireEvent.click(within(field('invoicePhotoRef')).getByText('拍照/选择照片'));
    expect((await within(field('invoicePhotoRef')).findByRole('alert')).textContent).toBe('照片过大，请重拍或靠近拍摄');
    expect(shim.compressions.map((c) => c.quality)).toEqual([50, 30]);
    expect(within(field('invoicePhotoRef')).queryByLabelText('票据凭证照片预览')).toBeNull();
    expect(within(field('invoicePhotoRef')).getByText('拍照/选择照片')).toBeTruthy();
  });

  it('the sample photo is optional: a sample is saved with it or without it', async () => {
    render(createElement(LedgerForm, { kind: 'sample_retention', venueId: 'v1', timeZone: 'Asia/Shanghai' }));
    expect(field('samplePhotoRef').textContent).toContain('留样照片（选填）');
    type('dishName', '番茄炒蛋');
    fireEvent.click(within(field('meal')).getByText('午餐'));
    type('weightGrams', '150');
    type('storageUnit', '1 号留样柜');
    type('person', '王五');
    pickable('wxfile://tmp/sample.jpg', SAMPLE);
    await takePhoto('samplePhotoRef', '留样照片');
    fireEvent.click(screen.getByText('保存'));
    await screen.findByTestId('saved-waiting');
    const items = outbox();
    const photoAt = items.findIndex((i) => i.kind === 'ledger-photo' && i.body.dataBase64 === SAMPLE);
    const recordAt = items.findIndex((i) => i.body.samplePhotoRef === ledgerPhotoRef(SAMPLE));
    expect(photoAt).toBeGreaterThanOrEqual(0);
    expect(recordAt).toBe(photoAt + 1);
    expect(items[recordAt]?.body).toMatchObject({ kind: 'sample_retention', dishName: '番茄炒蛋' });

    fireEvent.click(screen.getByText('再记一条'));
    expect(within(field('samplePhotoRef')).getByText('拍照/选择照片')).toBeTruthy();
    type('dishName', '清炒时蔬');
    fireEvent.click(within(field('meal')).getByText('午餐'));
    type('weightGrams', '130');
    type('storageUnit', '1 号留样柜');
    type('person', '王五');
    fireEvent.click(screen.getByText('保存'));
    await screen.findByTestId('saved-waiting');
    const last = outbox().at(-1);
    expect(last?.body).toMatchObject({ kind: 'sample_retention', dishName: '清炒时蔬' });
    expect(last?.body).not.toHaveProperty('samplePhotoRef');
  });

  it('when the phone cannot keep the photo it says so and does not save the record', async () => {
    purchase();
    fillPurchase('食用油');
    pickable('wxfile://tmp/receipt.jpg', RECEIPT);
    await takePhoto('invoicePhotoRef', '票据凭证照片');
    shim.storageMaxChars = 10; // storage full
    fireEvent.click(screen.getByText('保存'));
    expect((await screen.findByTestId('save-error')).textContent).toMatch(/^照片未能保存在手机上，记录未保存：/);
    expect(screen.queryByTestId('saved')).toBeNull();
    expect(outbox().filter((i) => i.body.productName === '食用油' || i.body.dataBase64 === RECEIPT)).toEqual([]);
  });
});
