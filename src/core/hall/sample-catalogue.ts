/**
 * A small sample catalogue for the demo center (山海关区, division code 130303), one item of each kind but
 * 联办件 (see business-registration.ts): for tests, the demo and the CLI. Illustrative figures.
 */
import type { ServiceItem } from './service-item.ts';

export const immediateItem: ServiceItem = {
  code: '130303-SCJG-0001',
  name: '个体工商户变更登记（经营者住所变更）',
  department: '山海关区市场监督管理局',
  kind: 'immediate',
  legalDays: 0,
  promisedDays: 0,
  materials: [
    { name: '个体工商户变更登记申请书', form: 'original', copies: 1, required: true, note: '' },
    { name: '经营者身份证明', form: 'originalAndCopy', copies: 1, required: true, note: '' },
  ],
  fees: [],
  specialProcedures: [],
  legalBasis: ['《促进个体工商户发展条例》', '《中华人民共和国市场主体登记管理条例》'],
  jointDepartments: [],
  reportTo: null,
};

export const committedItem: ServiceItem = {
  code: '130303-SCJG-0002',
  name: '食品经营许可（新办）',
  department: '山海关区市场监督管理局',
  kind: 'committed',
  legalDays: 20,
  promisedDays: 10,
  materials: [
    { name: '食品经营许可申请书', form: 'original', copies: 1, required: true, note: '' },
    { name: '营业执照', form: 'copy', copies: 1, required: true, note: '' },
    { name: '经营场所平面图和设备布局图', form: 'original', copies: 1, required: true, note: '' },
    { name: '食品安全管理制度', form: 'original', copies: 1, required: true, note: '' },
  ],
  fees: [],
  specialProcedures: [
    { kind: 'hearing', name: '听证', maxDays: null },
    { kind: 'testing', name: '食品检验', maxDays: null },
  ],
  legalBasis: ['《中华人民共和国食品安全法》第三十五条', '《食品经营许可和备案管理办法》'],
  jointDepartments: [],
  reportTo: null,
};

export const escalatedItem: ServiceItem = {
  code: '130303-ZRZY-0001',
  name: '建设项目用地预审（报市级审批）',
  department: '山海关区自然资源和规划局',
  kind: 'escalated',
  legalDays: 20,
  promisedDays: 15,
  materials: [
    { name: '建设项目用地预审申请表', form: 'original', copies: 1, required: true, note: '' },
    { name: '项目建设依据文件', form: 'copy', copies: 1, required: true, note: '' },
  ],
  fees: [],
  specialProcedures: [{ kind: 'expertReview', name: '专家评审', maxDays: null }],
  legalBasis: ['《中华人民共和国土地管理法实施条例》', '《建设项目用地预审管理办法》'],
  jointDepartments: [],
  reportTo: '秦皇岛市自然资源和规划局',
};

export const sampleItems: readonly ServiceItem[] = [immediateItem, committedItem, escalatedItem];
