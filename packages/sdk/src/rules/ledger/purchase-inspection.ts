/** Purchase inspection 进货查验 (食品安全法 §50, §53): every field present, no expired goods, quarantine for meat. */
import type { PurchaseInspectionRecord } from '../../domain/ledger.js';
import { addDays, daysBetween } from '../../domain/ledger-dates.js';
import { ledgerFieldLabel } from '../../domain/ledger-fields.js';
import { PURCHASE_CATEGORY_LABELS } from '../../domain/ledger-vocab.js';
import { futureDate, invalidDate, type LedgerIssue, type LedgerRuleContext, ledgerIssue } from './context.js';

export function checkPurchaseInspection(record: PurchaseInspectionRecord, ctx: LedgerRuleContext): LedgerIssue[] {
  const dateIssues = [
    ...invalidDate(record.purchaseDate, 'purchaseDate'),
    ...invalidDate(record.productionDate, 'productionDate'),
  ];
  if (dateIssues.length > 0) return dateIssues;
  const issues = [
    ...futureDate(ctx, record.purchaseDate, 'purchaseDate'),
    ...futureDate(ctx, record.productionDate, 'productionDate'),
  ];
  if (record.productionDate === undefined && record.batch === undefined) {
    issues.push(
      ledgerIssue('LEDGER_PURCHASE_FIELD_MISSING', 'productionDate', {
        field: { zh: '生产日期或批号', en: 'production date or batch' },
      }),
    );
  }
  if (record.invoicePhotoRef === undefined) {
    issues.push(
      ledgerIssue('LEDGER_PURCHASE_FIELD_MISSING', 'invoicePhotoRef', { field: ledgerFieldLabel('invoicePhotoRef') }),
    );
  }
  issues.push(...checkCertificate(record, ctx), ...checkShelfLife(record, ctx));
  return issues;
}

function checkCertificate(record: PurchaseInspectionRecord, ctx: LedgerRuleContext): LedgerIssue[] {
  const needsQuarantine = ctx.profile.ledger.purchase.quarantineCategories.includes(record.category);
  if (needsQuarantine && (record.certificateNo === undefined || record.certificateKind === 'inspection')) {
    return [
      ledgerIssue('LEDGER_PURCHASE_NO_QUARANTINE', 'certificateNo', {
        category: PURCHASE_CATEGORY_LABELS[record.category],
      }),
    ];
  }
  if (record.certificateNo === undefined) {
    return [
      ledgerIssue('LEDGER_PURCHASE_FIELD_MISSING', 'certificateNo', { field: ledgerFieldLabel('certificateNo') }),
    ];
  }
  return [];
}

/** Expired when the purchase date is after production date + shelf life; near expiry is a warning. */
function checkShelfLife(record: PurchaseInspectionRecord, ctx: LedgerRuleContext): LedgerIssue[] {
  const { productionDate, purchaseDate, shelfLifeDays } = record;
  if (productionDate === undefined) return [];
  if (productionDate > purchaseDate) {
    return [ledgerIssue('LEDGER_PURCHASE_PRODUCED_AFTER_PURCHASE', 'productionDate', { productionDate, purchaseDate })];
  }
  if (shelfLifeDays === undefined || shelfLifeDays === null) return [];
  const expiresOn = addDays(productionDate, shelfLifeDays);
  const remaining = daysBetween(purchaseDate, expiresOn);
  if (remaining < 0) {
    return [ledgerIssue('LEDGER_PURCHASE_EXPIRED', 'purchaseDate', { expiresOn, purchaseDate })];
  }
  // Near expiry: few days left and over half the shelf life gone (a 3-day milk bought fresh is fine).
  if (remaining <= ctx.profile.ledger.purchase.nearExpiryWarningDays && remaining * 2 < shelfLifeDays) {
    return [ledgerIssue('LEDGER_PURCHASE_NEAR_EXPIRY', 'purchaseDate', { expiresOn, remaining })];
  }
  return [];
}
