/**
 * Built-in joint item template: business registration under 三证合一 / 一照一码 (国办发〔2015〕50号).
 * The market regulator's window leads; the organisation-code and tax departments handle their parts in
 * parallel; the result is one business licence carrying the unified social credit code, so the lead case
 * completes only with a valid code (GB 32100-2015).
 */
import type { CaseAction } from './case-status.ts';
import { type JointCase, jointCompletion } from './joint-case.ts';
import type { ServiceItem } from './service-item.ts';
import { checkUscc } from './uscc.ts';

export const businessRegistrationItem: ServiceItem = {
  code: '130303-SCJG-0100',
  name: '企业设立登记（三证合一、一照一码）',
  department: '山海关区市场监督管理局',
  kind: 'joint',
  legalDays: 15,
  promisedDays: 3,
  materials: [
    { name: '公司登记（备案）申请书', form: 'original', copies: 1, required: true, note: '' },
    { name: '公司章程', form: 'original', copies: 1, required: true, note: '' },
    { name: '股东的主体资格证明或自然人身份证件', form: 'copy', copies: 1, required: true, note: '' },
    { name: '法定代表人、董事、监事和经理的任职文件', form: 'original', copies: 1, required: true, note: '' },
    { name: '住所使用证明', form: 'copy', copies: 1, required: true, note: '' },
  ],
  fees: [],
  specialProcedures: [{ kind: 'inspection', name: '联合踏勘', maxDays: null }],
  legalBasis: [
    '《国务院办公厅关于加快推进“三证合一”登记制度改革的意见》（国办发〔2015〕50号）',
    '《中华人民共和国市场主体登记管理条例》',
  ],
  jointDepartments: ['山海关区质量技术监督局', '山海关区税务局'],
  reportTo: null,
};

/** Completes a registration: every sub-case done and the licence's unified social credit code valid. */
export function registrationCompletion(
  j: JointCase,
  uscc: string,
): { ok: true; action: CaseAction; warnings: string[] } | { ok: false; message: string } {
  const code = checkUscc(uscc);
  if (!code.ok) return { ok: false, message: code.message };
  const done = jointCompletion(j, `核发营业执照，统一社会信用代码 ${code.code}`);
  if (!done.ok) return done;
  const warnings = code.organizationCodeValid ? [] : ['主体标识码（组织机构代码）的校验码不符，请核对'];
  return { ok: true, action: done.action, warnings };
}
